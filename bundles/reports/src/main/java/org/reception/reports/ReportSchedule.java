package org.reception.reports;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Reception analysis reports",
        description = "Which periodic analysis reports (信访形势分析报告) the platform writes on its own, and when.")
public @interface ReportSchedule {

    String PID = "org.reception.reports";

    @AttributeDefinition(name = "Jurisdictions",
            description = "The divisions (2, 4 or 6 digits) whose reports are written on schedule, comma-separated")
    String[] jurisdictions() default {"52"};

    @AttributeDefinition(name = "Monthly reports (月报)")
    boolean monthly() default true;

    @AttributeDefinition(name = "Quarterly reports (季报)")
    boolean quarterly() default true;

    @AttributeDefinition(name = "Annual reports (年报)")
    boolean annual() default true;

    @AttributeDefinition(name = "Days after the period",
            description = "A period's report is written this many days after it ends (China Standard Time), so that"
                    + " late registrations of its last days are in it", min = "0", max = "28")
    int daysAfter() default 1;

    @AttributeDefinition(name = "Check interval (seconds)",
            description = "How often the schedule looks for a report due and not yet written; the first look is"
                    + " this long after the start, so that a starting platform does not also write reports", min = "5")
    int checkSeconds() default 3600;
}
