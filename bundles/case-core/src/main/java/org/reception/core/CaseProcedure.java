package org.reception.core;

import static org.reception.cases.PetitionStatus.ACCEPTED;
import static org.reception.cases.PetitionStatus.ARCHIVED;
import static org.reception.cases.PetitionStatus.ASSIGNED;
import static org.reception.cases.PetitionStatus.NOT_ACCEPTED;
import static org.reception.cases.PetitionStatus.REDIRECTED;
import static org.reception.cases.PetitionStatus.REGISTERED;
import static org.reception.cases.PetitionStatus.REPLIED;
import static org.reception.cases.PetitionStatus.REVIEWED;
import static org.reception.cases.PetitionStatus.RE_REVIEWED;
import static org.reception.cases.PetitionStatus.TRANSFERRED;
import static org.reception.cases.PetitionStatus.UNDER_REVIEW;
import static org.reception.cases.PetitionStatus.UNDER_RE_REVIEW;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.reception.cases.CaseAction;
import org.reception.cases.Deadline;
import org.reception.cases.DeadlineKind;
import org.reception.cases.Disposition;
import org.reception.cases.Handling;
import org.reception.cases.IllegalTransition;
import org.reception.cases.Petition;
import org.reception.cases.PetitionLimits;
import org.reception.cases.PetitionRejected;
import org.reception.cases.PetitionStatus;
import org.reception.cases.PlatformTime;
import org.reception.cases.Problem;
import org.reception.cases.RedirectChannel;
import org.reception.cases.Satisfaction;
import org.reception.cases.Supervision;
import org.reception.cases.Violation;
import org.reception.cases.access.Jurisdictions;
import org.reception.cases.divisions.Divisions;
import org.reception.cases.divisions.Units;

/**
 * The procedure of the Regulations on Letters and Visits Work (2022) as a state machine: which
 * action each state allows, what it changes, and which legal time limits it meets and starts.
 * Pure: it computes the next state; storing it is the caller's business.
 */
final class CaseProcedure {

    static final int MAX_TEXT = PetitionLimits.TEXT_LENGTH;
    static final int MAX_EXTENSION_DAYS = 30;
    /** Units that handle a case jointly with the lead unit (Art. 24): a few, never a list of every unit. */
    static final int MAX_CO_UNITS = 10;
    /** The latest day after a reply on which the petitioner may be recorded as receiving it (letters travel). */
    static final int MAX_DELIVERY_DAYS = 15;

    /** The changed petition and the audit log's words for the change. */
    record Step(Petition petition, String detail) {
    }

    /** The statuses in which each step of the procedure may be taken, by the step's name in the API. */
    private static final Map<String, Set<PetitionStatus>> ALLOWED = Map.ofEntries(
            Map.entry("dispose", EnumSet.of(REGISTERED)),
            Map.entry("not-the-same-matter", EnumSet.of(NOT_ACCEPTED)),
            Map.entry("accept", EnumSet.of(TRANSFERRED, ASSIGNED)),
            Map.entry("object", EnumSet.of(TRANSFERRED, ASSIGNED)),
            Map.entry("extend", EnumSet.of(ACCEPTED)),
            Map.entry("reply", EnumSet.of(ACCEPTED)),
            Map.entry("evaluate", EnumSet.of(REPLIED, REVIEWED, RE_REVIEWED)),
            Map.entry("request-review", EnumSet.of(REPLIED)),
            Map.entry("answer-review", EnumSet.of(UNDER_REVIEW)),
            Map.entry("request-re-review", EnumSet.of(REVIEWED)),
            Map.entry("answer-re-review", EnumSet.of(UNDER_RE_REVIEW)),
            Map.entry("archive", EnumSet.of(NOT_ACCEPTED, REDIRECTED, RE_REVIEWED, REPLIED, REVIEWED)));

    private final WorkingCalendar calendar;

    CaseProcedure(WorkingCalendar calendar) {
        this.calendar = calendar;
    }

    /** The deadline a new registration starts: dispose within 15 days of receipt (Art. 22). */
    Deadline disposeDeadline(Instant receivedAt) {
        return start(DeadlineKind.DISPOSE, receivedAt);
    }

    /**
     * The steps the case's state allows now, whoever takes them: those its status allows (an
     * extension only once, Art. 34), a supervision order while the case is open, its resolution
     * while an order is.
     */
    static List<String> possibleSteps(Petition petition) {
        List<String> steps = new ArrayList<>();
        ALLOWED.entrySet().stream().filter(allowed -> allowed.getValue().contains(petition.status()))
                .map(Map.Entry::getKey).sorted().forEach(steps::add);
        if (petition.handling().extensionReason() != null) {
            steps.remove("extend");
        }
        if (petition.status() != ARCHIVED) {
            steps.add("supervise");
        }
        if (petition.supervisions().stream().anyMatch(order -> order.resolvedAt() == null)) {
            steps.add("resolve-supervision");
        }
        return steps;
    }

    Step apply(Petition petition, CaseAction action, String actor, Instant now) {
        return apply(petition, action, actor, null, now);
    }

    /**
     * @param answeringLevel for a review's or re-review's answer: the division at whose level the
     *                       actor answers (CaseAccess#answeringLevel), recorded with the answer
     */
    Step apply(Petition petition, CaseAction action, String actor, String answeringLevel, Instant now) {
        State state = new State(petition, now);
        state.answeringLevel = answeringLevel;
        String detail;
        if (action instanceof CaseAction.Dispose dispose) {
            detail = dispose(state, dispose);
        } else if (action instanceof CaseAction.NotSameMatter notSame) {
            detail = notSameMatter(state, notSame);
        } else if (action instanceof CaseAction.Accept accept) {
            detail = accept(state, accept);
        } else if (action instanceof CaseAction.Object objection) {
            detail = object(state, objection);
        } else if (action instanceof CaseAction.Extend extend) {
            detail = extend(state, extend);
        } else if (action instanceof CaseAction.Reply reply) {
            detail = reply(state, reply);
        } else if (action instanceof CaseAction.Evaluate evaluate) {
            detail = evaluate(state, evaluate);
        } else if (action instanceof CaseAction.RequestReview request) {
            detail = requestReview(state, request);
        } else if (action instanceof CaseAction.AnswerReview answer) {
            detail = answerReview(state, answer);
        } else if (action instanceof CaseAction.RequestReReview request) {
            detail = requestReReview(state, request);
        } else if (action instanceof CaseAction.AnswerReReview answer) {
            detail = answerReReview(state, answer);
        } else if (action instanceof CaseAction.Archive) {
            detail = archive(state);
        } else if (action instanceof CaseAction.Supervise supervise) {
            detail = supervise(state, supervise, actor);
        } else if (action instanceof CaseAction.ResolveSupervision resolve) {
            detail = resolveSupervision(state, resolve);
        } else {
            throw new IllegalArgumentException("unknown action " + action);
        }
        return new Step(state.petition(), detail);
    }

    private String dispose(State state, CaseAction.Dispose dispose) {
        state.require("dispose", "dispose");
        List<Violation> violations = new ArrayList<>();
        if (dispose.disposition() == null) {
            violations.add(new Violation("disposition", "is required"));
        }
        Disposition disposition = dispose.disposition();
        boolean needsUnit = disposition == Disposition.ACCEPT || disposition == Disposition.TRANSFER
                || disposition == Disposition.ASSIGN;
        Set<String> routed = routedUnits(state.original);
        String unit = needsUnit ? unit("unit", dispose.unit(), state.original.jurisdiction(), routed, violations)
                : null;
        if (disposition == Disposition.REDIRECT || disposition == Disposition.NOT_ACCEPT) {
            text("reason", dispose.reason(), 2000, violations);
        }
        if (disposition != Disposition.ACCEPT && !dispose.coUnits().isEmpty()) {
            violations.add(new Violation("coUnits", "joint handling is decided on acceptance"));
        }
        List<String> coUnits = new ArrayList<>();
        for (int i = 0; i < dispose.coUnits().size(); i++) {
            String coUnit = unit("coUnits[" + i + "]", dispose.coUnits().get(i), state.original.jurisdiction(),
                    routed, violations);
            if (coUnit != null && (coUnits.contains(coUnit) || coUnit.equals(unit))) {
                violations.add(new Violation("coUnits[" + i + "]", "names " + coUnit + " twice"));
            }
            coUnits.add(coUnit);
        }
        if (coUnits.size() > MAX_CO_UNITS) {
            violations.add(new Violation("coUnits", "at most " + MAX_CO_UNITS + " units handle a case jointly"));
        }
        reject(violations);

        state.meet(DeadlineKind.DISPOSE);
        state.handling = new Handling(disposition, unit, coUnits,
                dispose.reason(), null, null, null, null, null, null, null, null, null,
                disposition == Disposition.REDIRECT ? dispose.redirectTo() : null);
        switch (disposition) {
            case ACCEPT -> {
                state.status = ACCEPTED;
                state.begin(DeadlineKind.HANDLE);
            }
            case TRANSFER, ASSIGN -> {
                state.status = disposition == Disposition.TRANSFER ? TRANSFERRED : ASSIGNED;
                state.begin(DeadlineKind.OBJECT);
                state.begin(DeadlineKind.ACCEPTANCE_NOTICE);
            }
            case REDIRECT -> state.status = REDIRECTED;
            case NOT_ACCEPT -> state.status = NOT_ACCEPTED;
        }
        return disposition + (needsUnit ? " to " + unit : "")
                + (coUnits.isEmpty() ? "" : " with " + String.join(", ", coUnits))
                + (dispose.reason() == null ? "" : ": " + dispose.reason());
    }

    /**
     * Reopens a petition refused at registration as the same matter: it is registered for disposal
     * again, with a fresh disposal period of 15 days (Art. 22) from now, its links kept for the record.
     */
    private String notSameMatter(State state, CaseAction.NotSameMatter notSame) {
        state.require("reopen as not the same matter", "not-the-same-matter");
        if (!SameMatter.isSameMatterRefusal(state.handling.reason())) {
            throw new IllegalTransition("only a petition refused at registration as the same matter as another"
                    + " (Art. 19, Art. 36) is reopened this way; this one was not accepted by a disposal");
        }
        reject(text("reason", notSame.reason(), 2000, new ArrayList<>()));
        state.status = REGISTERED;
        state.handling = Handling.NONE;
        state.begin(DeadlineKind.DISPOSE);
        return "not the same matter: " + notSame.reason();
    }

    private String accept(State state, CaseAction.Accept accept) {
        state.require("accept", "accept");
        state.meet(DeadlineKind.OBJECT);
        state.meet(DeadlineKind.ACCEPTANCE_NOTICE);
        List<Violation> violations = new ArrayList<>();
        String unit = unit("unit", accept.unit() == null || accept.unit().isBlank() ? state.handling.unit()
                : accept.unit(), state.original.jurisdiction(), routedUnits(state.original), violations);
        reject(violations);
        state.handling = with(state.handling).unit(unit).build();
        state.status = ACCEPTED;
        state.begin(DeadlineKind.HANDLE);
        return "accepted by " + unit;
    }

    private String object(State state, CaseAction.Object objection) {
        state.require("object to", "object");
        reject(text("reason", objection.reason(), 2000, new ArrayList<>()));
        Deadline window = state.pending(DeadlineKind.OBJECT).orElseThrow();
        if (state.today().isAfter(window.due())) {
            throw new IllegalTransition("the period to object ended on " + window.due() + " (5 working days, Art. 23)");
        }
        state.meet(DeadlineKind.OBJECT);
        state.meet(DeadlineKind.ACCEPTANCE_NOTICE);
        String unit = state.handling.unit();
        String decides = commonSuperior(state.original.jurisdiction(), unit);
        String reason = "objection of " + unit + ": " + objection.reason() + "; re-routing falls to " + decides;
        state.handling = new Handling(null, null, List.of(), reason, null, null, null, null, null, null, null);
        state.status = REGISTERED;
        state.begin(DeadlineKind.DISPOSE);
        return unit + " objects: " + objection.reason() + "; re-routing falls to " + decides;
    }

    private String extend(State state, CaseAction.Extend extend) {
        state.require("extend", "extend");
        List<Violation> violations = new ArrayList<>();
        if (extend.days() < 1 || extend.days() > MAX_EXTENSION_DAYS) {
            violations.add(new Violation("days", "must be 1 to " + MAX_EXTENSION_DAYS));
        }
        text("reason", extend.reason(), 2000, violations);
        reject(violations);
        if (state.handling.extensionReason() != null) {
            throw new IllegalTransition("the handling period was extended already; the law allows one extension (Art. 34)");
        }
        Deadline handle = state.pending(DeadlineKind.HANDLE).orElseThrow();
        state.replace(handle, new Deadline(handle.kind(), handle.startedAt(),
                calendar.due(handle.due(), extend.days(), false), null));
        state.handling = with(state.handling).extensionReason(extend.reason()).build();
        return "handling extended by " + extend.days() + " days: " + extend.reason();
    }

    private String reply(State state, CaseAction.Reply reply) {
        state.require("reply to", "reply");
        reject(text("text", reply.text(), MAX_TEXT, new ArrayList<>()));
        LocalDate replied = state.today();
        LocalDate delivered = reply.deliveredOn() == null ? replied : reply.deliveredOn();
        if (delivered.isBefore(replied) || delivered.isAfter(replied.plusDays(MAX_DELIVERY_DAYS))) {
            reject(List.of(new Violation("deliveredOn", "the day the petitioner received the reply: from the day of"
                    + " the reply (" + replied + ") to " + MAX_DELIVERY_DAYS + " days after it")));
        }
        state.meet(DeadlineKind.HANDLE);
        state.handling = with(state.handling).reply(reply.text()).repliedAt(state.now).build();
        state.status = REPLIED;
        // Art. 35 counts from the petitioner's receipt of the written opinion; when the day is not
        // given, the reply is taken as received the day it is given (at the window, or electronically).
        state.deadlines.add(start(DeadlineKind.REQUEST_REVIEW, delivered.equals(replied) ? state.now
                : delivered.atStartOfDay(PlatformTime.ZONE).toInstant()));
        return "written reply given" + (reply.deliveredOn() == null ? "" : ", received on " + delivered);
    }

    private String evaluate(State state, CaseAction.Evaluate evaluate) {
        state.require("evaluate", "evaluate");
        if (evaluate.satisfaction() == null) {
            reject(List.of(new Violation("satisfaction", "is required")));
        }
        state.handling = with(state.handling).satisfaction(evaluate.satisfaction()).build();
        return "petitioner is " + evaluate.satisfaction();
    }

    private String requestReview(State state, CaseAction.RequestReview request) {
        if (state.status == RE_REVIEWED || state.status == UNDER_RE_REVIEW) {
            throw new IllegalTransition("the re-review is final: the same matter is not reviewed or accepted again (Art. 36)");
        }
        state.require("request a review of", "request-review");
        reject(text("reason", request.reason(), 2000, new ArrayList<>()));
        state.within(DeadlineKind.REQUEST_REVIEW, "a review may be requested within 30 days of the reply (Art. 35)");
        state.meet(DeadlineKind.REQUEST_REVIEW);
        state.status = UNDER_REVIEW;
        state.begin(DeadlineKind.ANSWER_REVIEW);
        return "review requested: " + request.reason();
    }

    private String answerReview(State state, CaseAction.AnswerReview answer) {
        state.require("answer the review of", "answer-review");
        reject(text("text", answer.text(), MAX_TEXT, new ArrayList<>()));
        state.meet(DeadlineKind.ANSWER_REVIEW);
        state.handling = with(state.handling).reviewAnswer(answer.text()).reviewedBy(state.answeringLevel).build();
        state.status = REVIEWED;
        state.begin(DeadlineKind.REQUEST_RE_REVIEW);
        return "review answered" + (state.answeringLevel == null ? "" : " at the level of " + state.answeringLevel);
    }

    private String requestReReview(State state, CaseAction.RequestReReview request) {
        if (state.status == RE_REVIEWED || state.status == UNDER_RE_REVIEW) {
            throw new IllegalTransition("the re-review is final: the same matter is not reviewed or accepted again (Art. 36)");
        }
        state.require("request a re-review of", "request-re-review");
        reject(text("reason", request.reason(), 2000, new ArrayList<>()));
        state.within(DeadlineKind.REQUEST_RE_REVIEW,
                "a re-review may be requested within 30 days of the review's answer (Art. 36)");
        state.meet(DeadlineKind.REQUEST_RE_REVIEW);
        state.status = UNDER_RE_REVIEW;
        state.begin(DeadlineKind.ANSWER_RE_REVIEW);
        return "re-review requested: " + request.reason();
    }

    private String answerReReview(State state, CaseAction.AnswerReReview answer) {
        state.require("answer the re-review of", "answer-re-review");
        reject(text("text", answer.text(), MAX_TEXT, new ArrayList<>()));
        state.meet(DeadlineKind.ANSWER_RE_REVIEW);
        state.handling = with(state.handling).reReviewAnswer(answer.text()).reReviewedBy(state.answeringLevel).build();
        state.status = RE_REVIEWED;
        return "re-review answered" + (state.answeringLevel == null ? "" : " at the level of " + state.answeringLevel)
                + "; final";
    }

    private String archive(State state) {
        state.require("archive", "archive");
        if (state.status == REPLIED || state.status == REVIEWED) {
            DeadlineKind window = state.status == REPLIED ? DeadlineKind.REQUEST_REVIEW : DeadlineKind.REQUEST_RE_REVIEW;
            Satisfaction satisfaction = state.handling.satisfaction();
            boolean satisfied = satisfaction == Satisfaction.SATISFIED || satisfaction == Satisfaction.BASICALLY_SATISFIED;
            Optional<Deadline> open = state.pending(window);
            if (!satisfied && open.isPresent() && !state.today().isAfter(open.get().due())) {
                throw new IllegalTransition("the petitioner may still ask for "
                        + (window == DeadlineKind.REQUEST_REVIEW ? "a review" : "a re-review") + " until "
                        + open.get().due() + "; archive after that, or once the petitioner is satisfied");
            }
            state.meet(window);
        }
        if (state.deadlines.stream().anyMatch(d -> d.isPending() && d.kind() == DeadlineKind.SUPERVISION)) {
            throw new IllegalTransition("a supervision order is still open");
        }
        state.handling = with(state.handling).archivedAt(state.now).build();
        String from = state.status.name();
        state.status = ARCHIVED;
        return "archived from " + from;
    }

    private String supervise(State state, CaseAction.Supervise supervise, String actor) {
        if (state.status == ARCHIVED) {
            throw new IllegalTransition("an archived petition cannot be supervised");
        }
        List<Violation> violations = new ArrayList<>();
        text("order", supervise.order(), 2000, violations);
        if (supervise.due() == null) {
            violations.add(new Violation("due", "is required"));
        } else if (supervise.due().isBefore(state.today())) {
            violations.add(new Violation("due", "lies in the past"));
        }
        reject(violations);
        state.supervisions.add(new Supervision(0, supervise.order(), supervise.due(), actor, state.now, null, null));
        state.deadlines.add(new Deadline(DeadlineKind.SUPERVISION, state.now, supervise.due(), null));
        return "supervision ordered, due " + supervise.due() + ": " + supervise.order();
    }

    private String resolveSupervision(State state, CaseAction.ResolveSupervision resolve) {
        reject(text("outcome", resolve.outcome(), 2000, new ArrayList<>()));
        int index = -1;
        for (int i = 0; i < state.supervisions.size(); i++) {
            if (state.supervisions.get(i).id() == resolve.supervisionId()) {
                index = i;
            }
        }
        if (index < 0) {
            reject(List.of(new Violation("supervisionId", "no such supervision order on this petition")));
        }
        Supervision order = state.supervisions.get(index);
        if (order.resolvedAt() != null) {
            throw new IllegalTransition("supervision order " + order.id() + " was resolved already");
        }
        state.supervisions.set(index, new Supervision(order.id(), order.order(), order.due(), order.orderedBy(),
                order.orderedAt(), resolve.outcome(), state.now));
        state.deadlines.replaceAll(d -> d.kind() == DeadlineKind.SUPERVISION && d.isPending()
                && d.startedAt().equals(order.orderedAt()) ? new Deadline(d.kind(), d.startedAt(), d.due(), state.now) : d);
        return "supervision " + order.id() + " resolved: " + resolve.outcome();
    }

    /**
     * Who settles a disputed routing: the lowest division that holds both the petition's place and
     * the objecting unit's (units are coded by their division, {@code 520103-XFJ}). Its petition
     * department re-routes the case.
     */
    static String commonSuperior(String jurisdiction, String unit) {
        String unitDivision = unit == null ? "" : unit.split("-", 2)[0];
        if (unitDivision.length() == 6 && unitDivision.endsWith("0000")) {
            unitDivision = unitDivision.substring(0, 2);
        } else if (unitDivision.length() == 6 && unitDivision.endsWith("00")) {
            unitDivision = unitDivision.substring(0, 4);
        }
        String common = jurisdiction;
        for (int length : new int[] {6, 4, 2}) {
            common = jurisdiction.substring(0, length);
            if (unitDivision.startsWith(common)) {
                break;
            }
        }
        String code = common;
        return Divisions.reference().find(code).map(d -> d.code() + " " + d.name()).orElse(code);
    }

    private Deadline start(DeadlineKind kind, Instant at) {
        return new Deadline(kind, at, calendar.due(kind, at), null);
    }

    private static List<Violation> text(String field, String value, int max, List<Violation> violations) {
        IntakeValidation.text(field, value, max, true).ifPresent(violations::add);
        return violations;
    }

    /**
     * A unit a case is given to is a known unit of the case's province: one of the register's
     * ({@link Units}: its department exists at its division's level) or one the case's rules routed
     * it to (a module names its local units). A code nobody uses would leave the case with nobody.
     * The code is taken in any case and with the division written in 6 digits, and kept in the
     * one form the platform keeps ({@link Units#canonical}).
     *
     * @param routed the units the case's rules routed it to
     * @return the unit's code in its kept form; {@code violations}, with this unit's added if it is not one
     */
    static String unit(String field, String code, String jurisdiction, Set<String> routed,
                       List<Violation> violations) {
        String canonical = Units.canonical(code);
        if (canonical == null || canonical.isEmpty()) {
            violations.add(new Violation(field, "is required"));
        } else if (!Units.UNIT_CODE.matcher(canonical).matches()) {
            violations.add(new Violation(field, "must be a unit code: a division's code, a dash and the department's"
                    + " short code, such as 520102-GAJ"));
        } else if (!canonical.startsWith(jurisdiction.substring(0, 2))
                || (Units.find(canonical).isEmpty() && routed.stream().noneMatch(r -> Jurisdictions.sameUnit(r, canonical)))) {
            violations.add(new Violation(field, "'" + canonical + "' is not a known unit of province "
                    + jurisdiction.substring(0, 2) + " (the register of units, GET /units?division=)"));
        }
        return canonical;
    }

    /** The units the rules routed the case to, which a module may name in its text without the register knowing them. */
    private static Set<String> routedUnits(Petition petition) {
        Set<String> units = new HashSet<>();
        if (petition.routing() != null) {
            units.add(petition.routing().unitCode());
            units.addAll(petition.routing().coUnits());
        }
        return units;
    }

    private static void reject(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw new PetitionRejected(Problem.INVALID_PETITION, violations);
        }
    }

    private static HandlingBuilder with(Handling handling) {
        return new HandlingBuilder(handling);
    }

    /** The petition being changed by one action. */
    private final class State {
        final Petition original;
        final Instant now;
        PetitionStatus status;
        Handling handling;
        /** The level at which a review or re-review is answered, or null. */
        String answeringLevel;
        final List<Deadline> deadlines;
        final List<Supervision> supervisions;

        State(Petition petition, Instant now) {
            this.original = petition;
            this.now = now;
            this.status = petition.status();
            this.handling = petition.handling();
            this.deadlines = new ArrayList<>(petition.deadlines());
            this.supervisions = new ArrayList<>(petition.supervisions());
        }

        LocalDate today() {
            return WorkingCalendar.day(now);
        }

        void require(String action, String step) {
            Set<PetitionStatus> statuses = ALLOWED.get(step);
            if (!statuses.contains(status)) {
                throw new IllegalTransition("cannot " + action + " a petition that is " + status + "; allowed when "
                        + statuses);
            }
        }

        Optional<Deadline> pending(DeadlineKind kind) {
            return deadlines.stream().filter(d -> d.kind() == kind && d.isPending()).findFirst();
        }

        void within(DeadlineKind kind, String rule) {
            Deadline window = pending(kind).orElseThrow(() -> new IllegalTransition(rule));
            if (today().isAfter(window.due())) {
                throw new IllegalTransition(rule + "; that period ended on " + window.due());
            }
        }

        void meet(DeadlineKind kind) {
            deadlines.replaceAll(d -> d.kind() == kind && d.isPending()
                    ? new Deadline(d.kind(), d.startedAt(), d.due(), now) : d);
        }

        void begin(DeadlineKind kind) {
            deadlines.add(start(kind, now));
        }

        void replace(Deadline old, Deadline changed) {
            deadlines.set(deadlines.indexOf(old), changed);
        }

        Petition petition() {
            Petition p = original;
            return new Petition(p.id(), p.registrationNumber(), p.channel(), p.type(), p.category(), p.title(),
                    p.content(), p.jurisdiction(), p.receivedAt(), p.petitioners(), p.accused(), p.confidential(),
                    p.linkedPetitions(), status, p.routing(), p.confidentiality(), p.escalations(), handling,
                    deadlines, supervisions, p.version(), p.receivedBy());
        }
    }

    /** Copies a handling with one or more fields changed. */
    private static final class HandlingBuilder {
        private Disposition disposition;
        private String unit;
        private List<String> coUnits;
        private String reason;
        private String extensionReason;
        private String reply;
        private Instant repliedAt;
        private Satisfaction satisfaction;
        private String reviewAnswer;
        private String reReviewAnswer;
        private Instant archivedAt;
        private String reviewedBy;
        private String reReviewedBy;
        private RedirectChannel redirectedTo;

        HandlingBuilder(Handling h) {
            disposition = h.disposition();
            unit = h.unit();
            coUnits = h.coUnits();
            reason = h.reason();
            extensionReason = h.extensionReason();
            reply = h.reply();
            repliedAt = h.repliedAt();
            satisfaction = h.satisfaction();
            reviewAnswer = h.reviewAnswer();
            reReviewAnswer = h.reReviewAnswer();
            redirectedTo = h.redirectedTo();
            archivedAt = h.archivedAt();
            reviewedBy = h.reviewedBy();
            reReviewedBy = h.reReviewedBy();
        }

        HandlingBuilder reviewedBy(String value) {
            reviewedBy = value;
            return this;
        }

        HandlingBuilder reReviewedBy(String value) {
            reReviewedBy = value;
            return this;
        }

        HandlingBuilder unit(String value) {
            unit = value;
            return this;
        }

        HandlingBuilder extensionReason(String value) {
            extensionReason = value;
            return this;
        }

        HandlingBuilder reply(String value) {
            reply = value;
            return this;
        }

        HandlingBuilder repliedAt(Instant value) {
            repliedAt = value;
            return this;
        }

        HandlingBuilder satisfaction(Satisfaction value) {
            satisfaction = value;
            return this;
        }

        HandlingBuilder reviewAnswer(String value) {
            reviewAnswer = value;
            return this;
        }

        HandlingBuilder reReviewAnswer(String value) {
            reReviewAnswer = value;
            return this;
        }

        HandlingBuilder archivedAt(Instant value) {
            archivedAt = value;
            return this;
        }

        Handling build() {
            return new Handling(disposition, unit, coUnits, reason, extensionReason, reply, repliedAt, satisfaction,
                    reviewAnswer, reReviewAnswer, archivedAt, reviewedBy, reReviewedBy, redirectedTo);
        }
    }
}
