-- The periodic analysis reports (信访形势分析报告), each with its PDF document (issue 17).
CREATE TABLE analysis_report (
    id           BIGINT GENERATED ALWAYS AS IDENTITY,
    kind         VARCHAR(10)  NOT NULL,
    jurisdiction VARCHAR(6)   NOT NULL,
    title        VARCHAR(200) NOT NULL,
    period_from  DATE         NOT NULL,
    period_to    DATE         NOT NULL,
    generated_at TIMESTAMP    NOT NULL,
    generated_by VARCHAR(100) NOT NULL,
    bytes        BIGINT       NOT NULL,
    document     BYTEA        NOT NULL,
    CONSTRAINT pk_analysis_report PRIMARY KEY (id)
);
CREATE INDEX ix_analysis_report_place ON analysis_report (jurisdiction, period_from);
