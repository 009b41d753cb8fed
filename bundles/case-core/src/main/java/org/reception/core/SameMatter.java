package org.reception.core;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.reception.cases.Petition;
import org.reception.cases.PetitionType;

/**
 * Whether a new petition is the same matter as an earlier one of the same petitioners, category and
 * place, as the law means it: the same kind of petition about the same facts. Only a certain match
 * refuses a petition; the others are shown to the clerk as possible duplicates, who decides.
 *
 * <p>A match is certain when the petitioner (or the clerk for them) links the earlier petition, or
 * when the two tell the same facts: the character pairs of their titles and contents (punctuation
 * and spaces left out) overlap by at least {@value #SAME_FACTS} (Dice's coefficient), the same
 * text retold with a few words changed. A petition of another type is never the same matter: an
 * accusation against the unit that handles a person's appeal is not that appeal.
 */
final class SameMatter {

    /** The refusal of a petition whose matter had its final re-review. */
    static final String REVIEWED_MATTER = "复核意见为最终处理意见，同一事项不再受理（《信访工作条例》第三十六条）";
    /** The refusal of a petition whose matter is being handled within its time limit; %s: its numbers. */
    static final String OPEN_MATTER = "同一信访事项正在办理中（%s），不再重复受理，已关联原事项（《信访工作条例》第十九条）";

    /** Whether a refusal is one of these, given at registration. */
    static boolean isSameMatterRefusal(String reason) {
        return reason != null && (reason.equals(REVIEWED_MATTER)
                || reason.startsWith(OPEN_MATTER.substring(0, OPEN_MATTER.indexOf('%'))));
    }

    /**
     * How many of a petitioner's most recent earlier petitions (same category and place) are read to
     * find the matter, besides all open and finally reviewed ones: bounds the work of one
     * registration for a person who has petitioned hundreds of times.
     */
    static final int LOOKBACK = 50;

    /** The overlap of two texts' character pairs from which they tell the same facts. */
    static final double SAME_FACTS = 0.8;

    private SameMatter() {
    }

    /** Whether the new petition is certainly the same matter as {@code earlier}. */
    static boolean certain(PetitionType type, String title, String content, List<String> linked, Petition earlier) {
        if (earlier.type() != type) {
            return false;
        }
        return linked.contains(earlier.registrationNumber())
                || similarity(title + content, earlier.title() + earlier.content()) >= SAME_FACTS;
    }

    /**
     * Whether the earlier petition's handling is still within its time limits (Art. 19: a matter
     * being handled in time is not accepted again; once the handling organ's period has passed the
     * petitioner may turn to the organ above).
     */
    static boolean withinTimeLimit(Petition earlier, LocalDate today) {
        return earlier.deadlines().stream().filter(deadline -> deadline.isPending())
                .filter(deadline -> !deadline.kind().isPetitionersWindow())
                .noneMatch(deadline -> deadline.due().isBefore(today));
    }

    /** Dice's coefficient of the two texts' sets of adjacent character pairs, 0 to 1. */
    static double similarity(String a, String b) {
        Set<String> pairsOfA = pairs(a);
        Set<String> pairsOfB = pairs(b);
        if (pairsOfA.isEmpty() || pairsOfB.isEmpty()) {
            return 0;
        }
        Set<String> common = new HashSet<>(pairsOfA);
        common.retainAll(pairsOfB);
        return 2.0 * common.size() / (pairsOfA.size() + pairsOfB.size());
    }

    private static Set<String> pairs(String text) {
        int[] letters = text.codePoints().filter(Character::isLetterOrDigit).toArray();
        Set<String> pairs = new HashSet<>();
        for (int i = 0; i + 1 < letters.length; i++) {
            pairs.add(new String(letters, i, 2));
        }
        return pairs;
    }
}
