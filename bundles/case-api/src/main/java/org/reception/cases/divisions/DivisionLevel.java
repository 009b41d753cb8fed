package org.reception.cases.divisions;

/** The three levels of administrative division the platform knows, by the length of their code. */
public enum DivisionLevel {
    /** 省级: 2-digit code. */
    PROVINCE(2),
    /** 地级 (city, autonomous prefecture): 4-digit code. */
    PREFECTURE(4),
    /** 县级 (county, district, county-level city, special zone): 6-digit code. */
    COUNTY(6);

    private final int codeLength;

    DivisionLevel(int codeLength) {
        this.codeLength = codeLength;
    }

    public int codeLength() {
        return codeLength;
    }
}
