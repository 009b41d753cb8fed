/** Administrative divisions: the jurisdictions of the platform. */
@org.osgi.annotation.versioning.Version("0.1.0")
package org.reception.cases.divisions;
