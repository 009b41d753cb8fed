package org.reception.cases;

import java.time.LocalDate;
import java.util.List;

/**
 * One step of a petition's procedure. Each is a service call, a REST call and one audit entry;
 * a step the case's state does not allow is refused and changes nothing.
 */
public sealed interface CaseAction {

    /** The action's name in the audit log and the API, e.g. {@code dispose}. */
    String name();

    /** Dispose of a registered petition within 15 days (Art. 22). */
    /**
     * @param redirectTo with {@code REDIRECT}: the statutory channel the petitioner is told to take (Art. 31)
     */
    record Dispose(Disposition disposition, String unit, List<String> coUnits, String reason,
                   RedirectChannel redirectTo) implements CaseAction {
        public Dispose {
            coUnits = coUnits == null ? List.of() : List.copyOf(coUnits);
        }

        public Dispose(Disposition disposition, String unit, List<String> coUnits, String reason) {
            this(disposition, unit, coUnits, reason, null);
        }

        @Override
        public String name() {
            return "dispose";
        }
    }

    /**
     * A petition refused at registration as the same matter as an earlier one (Art. 19, Art. 36) is
     * not: it is registered for disposal again, the reason in the audit log.
     */
    record NotSameMatter(String reason) implements CaseAction {
        @Override
        public String name() {
            return "not-the-same-matter";
        }
    }

    /** The receiving unit of a transfer or assignment accepts it. */
    record Accept(String unit) implements CaseAction {
        @Override
        public String name() {
            return "accept";
        }
    }

    /** The receiving unit objects to a wrong routing, within 5 working days (Art. 23): back to registered. */
    record Object(String reason) implements CaseAction {
        @Override
        public String name() {
            return "object";
        }
    }

    /** Extend the handling period once, by at most 30 days, with a reason (Art. 34). */
    record Extend(int days, String reason) implements CaseAction {
        @Override
        public String name() {
            return "extend";
        }
    }

    /**
     * The written reply with the handling opinion.
     *
     * @param deliveredOn the day the petitioner received it, if known: the review may be requested
     *                    within 30 days of it (Art. 35); without it, the day of the reply
     */
    record Reply(String text, LocalDate deliveredOn) implements CaseAction {

        public Reply(String text) {
            this(text, null);
        }

        @Override
        public String name() {
            return "reply";
        }
    }

    /** The petitioner's satisfaction (Art. 21). */
    record Evaluate(Satisfaction satisfaction) implements CaseAction {
        @Override
        public String name() {
            return "evaluate";
        }
    }

    /** 复查 request, within 30 days of the reply (Art. 35). */
    record RequestReview(String reason) implements CaseAction {
        @Override
        public String name() {
            return "request-review";
        }
    }

    /** 复查 answer, within 30 days of the request (Art. 35). */
    record AnswerReview(String text) implements CaseAction {
        @Override
        public String name() {
            return "answer-review";
        }
    }

    /** 复核 request, within 30 days of the review's answer (Art. 36). */
    record RequestReReview(String reason) implements CaseAction {
        @Override
        public String name() {
            return "request-re-review";
        }
    }

    /** 复核 answer, within 30 days of the request; final (Art. 36). */
    record AnswerReReview(String text) implements CaseAction {
        @Override
        public String name() {
            return "answer-re-review";
        }
    }

    /** File the case with its complete record. */
    record Archive() implements CaseAction {
        @Override
        public String name() {
            return "archive";
        }
    }

    /** A supervisor orders a correction with a deadline (督办, Art. 40). */
    record Supervise(String order, LocalDate due) implements CaseAction {
        @Override
        public String name() {
            return "supervise";
        }
    }

    /** The outcome of a supervision order. */
    record ResolveSupervision(long supervisionId, String outcome) implements CaseAction {
        @Override
        public String name() {
            return "resolve-supervision";
        }
    }
}
