package org.reception.cases;

import io.swagger.v3.oas.annotations.media.Schema;

/** How a registered petition is disposed of (Art. 22). */
@Schema(enumAsRef = true)
public enum Disposition {
    /** 受理: the receiving organ has authority and accepts. */
    ACCEPT,
    /** 转送: sent to the organ with authority (谁主管、谁负责). */
    TRANSFER,
    /** 交办: assigned to a lower level (属地管理、分级负责). */
    ASSIGN,
    /** 诉访分离: litigation, discipline, arbitration or reconsideration go to their own procedure. */
    REDIRECT,
    /** 不予受理, with the reason. */
    NOT_ACCEPT
}
