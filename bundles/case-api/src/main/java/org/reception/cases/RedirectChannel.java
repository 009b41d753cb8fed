package org.reception.cases;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Where a petition redirected out of the petition channel (诉访分离) belongs: a matter the law has
 * another procedure for is not handled as a petition, and the petitioner is told which to take
 * (Art. 31: litigation, arbitration, administrative reconsideration and the other statutory channels;
 * a report of an official's violation of discipline or law goes to the discipline inspection and
 * supervision organs).
 */
@Schema(enumAsRef = true)
public enum RedirectChannel {
    /** 诉讼: a court. */
    LITIGATION("诉讼"),
    /** 纪检监察: the discipline inspection and supervision commission. */
    DISCIPLINE_SUPERVISION("纪检监察"),
    /** 仲裁: labour or commercial arbitration. */
    ARBITRATION("仲裁"),
    /** 行政复议: administrative reconsideration. */
    ADMINISTRATIVE_RECONSIDERATION("行政复议"),
    /** Another statutory channel. */
    OTHER("其他法定途径");

    private final String label;

    RedirectChannel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
