/**
 * The rule contract: the facts a jurisdiction's rules see and the decisions they may emit. Rule
 * modules depend on this package alone.
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package org.reception.rules;
