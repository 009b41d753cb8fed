package org.reception.cases;

import io.swagger.v3.oas.annotations.media.Schema;

/** Where a petition stands in the procedure of the Regulations on Letters and Visits Work (2022). */
@Schema(enumAsRef = true)
public enum PetitionStatus {
    /** 登记: registered, to be disposed within 15 days of receipt (Art. 22). */
    REGISTERED,
    /** 转送: sent to the organ with authority; it accepts or objects within 5 working days (Art. 23). */
    TRANSFERRED,
    /** 交办: assigned to a lower level; it accepts or objects within 5 working days (Art. 23). */
    ASSIGNED,
    /** 受理: accepted; handled within 60 days, extendable once by 30 (Art. 34). */
    ACCEPTED,
    /** 诉访分离: redirected out of the petition channel (Art. 22, 31). */
    REDIRECTED,
    /** 不予受理 */
    NOT_ACCEPTED,
    /** 书面答复: the handling opinion was given; review may be requested within 30 days (Art. 35). */
    REPLIED,
    /** 复查中 */
    UNDER_REVIEW,
    /** 复查意见: re-review may be requested within 30 days (Art. 36). */
    REVIEWED,
    /** 复核中 */
    UNDER_RE_REVIEW,
    /** 复核意见: final; the same matter is not accepted again (Art. 36). */
    RE_REVIEWED,
    /** 归档 */
    ARCHIVED;

    /** Whether the matter is still being dealt with. */
    public boolean isOpen() {
        return this != REDIRECTED && this != NOT_ACCEPTED && this != RE_REVIEWED && this != ARCHIVED;
    }
}
