/**
 * The statistics of the letters-and-visits work (issue 17, 分析研判和向上报告): figures over the cases a
 * caller may read, for a period and a jurisdiction, broken down by one dimension. Definitions in
 * {@code docs/analysis.md}.
 */
@org.osgi.annotation.versioning.Version("0.2.0")
package org.reception.cases.statistics;
