/** Petitions: the domain records and the service every endpoint calls. */
@org.osgi.annotation.versioning.Version("0.1.0")
package org.reception.cases;
