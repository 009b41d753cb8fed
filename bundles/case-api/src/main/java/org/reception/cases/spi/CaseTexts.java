package org.reception.cases.spi;

import java.time.Instant;
import java.util.List;

/**
 * The words of the cases, for the analysis of hot topics (热点问题); implemented by the store. Only
 * what a list of cases shows already is read: the title and the content, never a petitioner's
 * name, identity number, phone or address.
 */
public interface CaseTexts {

    /**
     * The texts of the cases within {@code scope} (the scope a list of cases or a statistic has for
     * the caller: a case kept from the caller's units is never among them) whose place lies in the
     * jurisdiction and that were received from {@code from} (included) to {@code to} (excluded),
     * newest first, at most {@code limit} of them.
     *
     * @param jurisdictionPrefix a division's prefix ({@code 52}, {@code 5201}, {@code 520102})
     * @param limit the most texts returned: the newest ones
     */
    List<CaseText> texts(String jurisdictionPrefix, Instant from, Instant to, ListScope scope, int limit);

    /**
     * The words of one case.
     *
     * @param id the case's id
     * @param registrationNumber its registration number ({@code 520102-2026-000001})
     * @param jurisdiction its place: a county's code (6 digits), or a city's or the province's prefix
     * @param receivedAt when it was received
     * @param category its category (the {@code Category} name), if any
     * @param title its title, as a list of cases shows it
     * @param content what the petition says
     */
    record CaseText(String id, String registrationNumber, String jurisdiction, Instant receivedAt, String category,
                    String title, String content) {
    }
}
