/**
 * Who calls: the authenticated caller, the roles it holds and the jurisdictions or units each role
 * covers. Every read and every step of {@link org.reception.cases.PetitionService} names its caller.
 */
@org.osgi.annotation.versioning.Version("0.2.0")
package org.reception.cases.access;
