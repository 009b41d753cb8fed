package org.reception.cases;

import io.swagger.v3.oas.annotations.media.Schema;

/** How a petition reached the reception center (信访渠道). */
@Schema(enumAsRef = true)
public enum Channel {
    /** 来信 */
    LETTER,
    /** 来访 */
    VISIT,
    /** 来电 */
    PHONE,
    /** 网上信访 */
    ONLINE,
    FAX,
    EMAIL,
    /** Submitted by a county's own system over SOAP or REST. */
    COUNTY_SYSTEM
}
