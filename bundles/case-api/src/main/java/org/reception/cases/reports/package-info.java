/**
 * The periodic analysis reports (信访形势分析报告, issue 17): a jurisdiction's statistics of a month,
 * a quarter or a year written as a document with its tables and charts, generated on schedule and
 * on demand, and kept with its period and generation time. Figures only: no personal data.
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package org.reception.cases.reports;
