/** What the platform's core needs from its providers: storage and rules. */
@org.osgi.annotation.versioning.Version("0.4.0")
package org.reception.cases.spi;
