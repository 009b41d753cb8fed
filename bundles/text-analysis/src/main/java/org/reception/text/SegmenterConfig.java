package org.reception.text;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Reception hot topics",
        description = "How the titles and contents of petitions are cut into words for the hot topics (热点问题).")
public @interface SegmenterConfig {

    String PID = "org.reception.topics";

    /** What {@link #stopWordsFile()} may start with: the platform's {@code etc/} folder. */
    String KARAF_ETC = "${karaf.etc}";

    @AttributeDefinition(name = "Stop words file",
            description = "The words left out of the hot topics, one a line ('#' starts a comment), in UTF-8. "
                    + "${karaf.etc} is the platform's etc/ folder, and a relative path is taken from there. "
                    + "Read again whenever this configuration is saved; when it is missing or unreadable the "
                    + "built-in list is used and the log says so.")
    String stopWordsFile() default KARAF_ETC + "/reception-stopwords.txt";
}
