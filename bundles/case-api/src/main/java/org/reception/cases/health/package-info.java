/** Readiness of the platform's parts. */
@org.osgi.annotation.versioning.Version("0.1.0")
package org.reception.cases.health;
