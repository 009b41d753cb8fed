package org.reception.cases;

import io.swagger.v3.oas.annotations.media.Schema;

/** The kind of petition, which decides the procedure it follows. */
@Schema(enumAsRef = true)
public enum PetitionType {
    /** 建议意见类 */
    SUGGESTION,
    /** 检举控告类: the accused never see the case (Art. 30). */
    ACCUSATION,
    /** 申诉求决类 */
    APPEAL,
    /** 咨询类 */
    CONSULTATION
}
