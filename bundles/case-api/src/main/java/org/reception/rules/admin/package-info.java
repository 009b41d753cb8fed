/** Administration of the jurisdiction rule modules: for operators, not for rule authors. */
@org.osgi.annotation.versioning.Version("0.1.0")
package org.reception.rules.admin;
