package org.reception.cases;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The subject matter of a petition. Rule modules route on it to the competent department; the set
 * is deliberately coarse so that a county module can refine it with the petition's text.
 */
@Schema(enumAsRef = true)
public enum Category {
    /** 国土资源: land, expropriation, mining rights. */
    LAND_RESOURCES("国土资源"),
    /** 住房城乡建设: housing, demolition, construction quality, property management. */
    HOUSING_CONSTRUCTION("住房城乡建设"),
    /** 劳动和社会保障: wages, pensions, social insurance. */
    LABOUR_SOCIAL_SECURITY("劳动和社会保障"),
    /** 政法: policing and public order. */
    PUBLIC_SECURITY("政法"),
    /** 生态环境: pollution, environmental protection. */
    ENVIRONMENT("生态环境"),
    /** 卫生健康: medical disputes, public health. */
    HEALTH("卫生健康"),
    /** 教育: schools, admissions, teachers. */
    EDUCATION("教育"),
    /** 农业农村: rural land contracts, agriculture subsidies. */
    AGRICULTURE_RURAL("农业农村"),
    /** 市场监管: consumer protection, food and drug safety. */
    MARKET_REGULATION("市场监管"),
    /** 民政: social assistance, veterans, civil affairs. */
    CIVIL_AFFAIRS("民政"),
    /** 交通运输: roads, public transport, taxis, traffic construction. */
    TRANSPORT("交通运输"),
    /** 城市管理: street vending, city appearance, sanitation, illegal structures in town. */
    URBAN_MANAGEMENT("城市管理"),
    /** Anything the categories above do not cover. */
    OTHER("其他");

    private final String label;

    Category(String label) {
        this.label = label;
    }

    /** The name a petitioner reads, e.g. {@code 生态环境}. */
    public String label() {
        return label;
    }
}

