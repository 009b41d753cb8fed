-- Which reports the schedule has written, one row per kind, place and period: platforms sharing a
-- database check the schedule each on its own, and the key lets one of them keep the report.
CREATE TABLE scheduled_report (
    kind         VARCHAR(10) NOT NULL,
    jurisdiction VARCHAR(6)  NOT NULL,
    period_from  DATE        NOT NULL,
    report_id    BIGINT      NOT NULL,
    CONSTRAINT pk_scheduled_report PRIMARY KEY (kind, jurisdiction, period_from),
    CONSTRAINT fk_scheduled_report FOREIGN KEY (report_id) REFERENCES analysis_report (id)
);
