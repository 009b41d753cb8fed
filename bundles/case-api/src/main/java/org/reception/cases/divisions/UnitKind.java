package org.reception.cases.divisions;

/** What sort of organ a unit is: what the law sends to it, and who answers for it. */
public enum UnitKind {
    /** 信访部门: registers and transfers petitions (Art. 22). */
    LETTERS_AND_VISITS,
    /** 人民政府: answers a review over its own departments (Art. 35). */
    GOVERNMENT,
    /** A government department competent for a field (Art. 22, 属地管理、谁主管谁负责). */
    DEPARTMENT,
    /** 纪检监察机关: accusations against public servants (Art. 22 second paragraph, Art. 30). */
    DISCIPLINE,
    /** 人民法院: litigation and enforcement, out of the petition channel (Art. 31, 诉访分离). */
    COURT,
    /** 仲裁委员会: what the law gives to arbitration (Art. 31). */
    ARBITRATION
}
