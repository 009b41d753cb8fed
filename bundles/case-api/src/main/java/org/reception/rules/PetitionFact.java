package org.reception.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.reception.cases.Category;
import org.reception.cases.Channel;
import org.reception.cases.DeadlineKind;
import org.reception.cases.PetitionStatus;
import org.reception.cases.PetitionType;
import org.reception.cases.divisions.Division;
import org.reception.cases.divisions.Divisions;

/**
 * What a rule sees of a petition: a read-only view. It carries no petitioner's name, identity
 * number, phone or address: only how many they are and what they asked for. The jurisdiction is
 * split into its chain so that a rule can match a whole prefecture ({@code prefecture == "5201"})
 * as easily as a county. Getters only, so that DRL constraints read naturally
 * ({@code category == Category.HEALTH}). Built by the platform with {@link #builder()}.
 */
public final class PetitionFact {

    /** People who come together from this many on are a group visit (集体访). */
    public static final int GROUP_VISIT_SIZE = 5;

    private final String registrationNumber;
    private final Channel channel;
    private final PetitionType type;
    private final Category category;
    private final String title;
    private final String content;
    private final String jurisdiction;
    private final Instant receivedAt;
    private final Instant evaluatedAt;
    private final PetitionStatus status;
    private final int petitionerCount;
    private final boolean confidentialityRequested;
    private final List<String> accused;
    private final int earlierPetitionsOnMatter;
    private final Set<DeadlineKind> overdueDeadlines;

    private PetitionFact(Builder b) {
        this.registrationNumber = b.registrationNumber;
        this.channel = Objects.requireNonNull(b.channel, "channel");
        this.type = Objects.requireNonNull(b.type, "type");
        this.category = Objects.requireNonNull(b.category, "category");
        this.title = Objects.requireNonNull(b.title, "title");
        this.content = Objects.requireNonNull(b.content, "content");
        this.jurisdiction = Objects.requireNonNull(b.jurisdiction, "jurisdiction");
        this.receivedAt = Objects.requireNonNull(b.receivedAt, "receivedAt");
        this.evaluatedAt = b.evaluatedAt != null ? b.evaluatedAt : b.receivedAt;
        this.status = Objects.requireNonNull(b.status, "status");
        this.petitionerCount = b.petitionerCount;
        this.confidentialityRequested = b.confidentialityRequested;
        this.accused = List.copyOf(b.accused);
        this.earlierPetitionsOnMatter = b.earlierPetitionsOnMatter;
        this.overdueDeadlines = b.overdueDeadlines.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(b.overdueDeadlines));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The registration number; {@code null} while the petition is being registered. */
    public String getRegistrationNumber() {
        return registrationNumber;
    }

    public Channel getChannel() {
        return channel;
    }

    public PetitionType getType() {
        return type;
    }

    public Category getCategory() {
        return category;
    }

    public String getTitle() {
        return title;
    }

    public String getContent() {
        return content;
    }

    /** The 6-digit county-level division code of the place the matter concerns. */
    public String getJurisdiction() {
        return jurisdiction;
    }

    /** The 2-digit province code, e.g. {@code 52}. */
    public String getProvince() {
        return jurisdiction.substring(0, 2);
    }

    /** The 4-digit prefecture code, e.g. {@code 5201}. */
    public String getPrefecture() {
        return jurisdiction.substring(0, 4);
    }

    /** The 6-digit county code; the same as {@link #getJurisdiction()}. */
    public String getCounty() {
        return jurisdiction;
    }

    /** The county's name, e.g. {@code 南明区}; for the names of the units a rule routes to. */
    public String getCountyName() {
        return nameOf(jurisdiction);
    }

    /** The prefecture's name, e.g. {@code 贵阳市}. */
    public String getPrefectureName() {
        return nameOf(getPrefecture());
    }

    private static String nameOf(String code) {
        return Divisions.reference().find(code).map(Division::name).orElse(code);
    }

    /** When the reception center received the petition. */
    public Instant getReceivedAt() {
        return receivedAt;
    }

    /** The platform's time of this evaluation: at registration, or when a deadline passed. */
    public Instant getEvaluatedAt() {
        return evaluatedAt;
    }

    /** Whole days from receipt to this evaluation. */
    public long getDaysSinceReceipt() {
        return Duration.between(receivedAt, evaluatedAt).toDays();
    }

    /** {@code REGISTERED} at registration; the case's status when re-evaluated later. */
    public PetitionStatus getStatus() {
        return status;
    }

    /** How many people bring the petition; 0 for an anonymous letter. */
    public int getPetitionerCount() {
        return petitionerCount;
    }

    /** Whether {@value #GROUP_VISIT_SIZE} or more people came in person together (集体访). */
    public boolean isGroupVisit() {
        return channel == Channel.VISIT && petitionerCount >= GROUP_VISIT_SIZE;
    }

    /** Whether the petitioners asked that their names be kept confidential. */
    public boolean isConfidentialityRequested() {
        return confidentialityRequested;
    }

    /** The units or persons accused, as the petition names them; empty unless an accusation names someone. */
    public List<String> getAccused() {
        return accused;
    }

    /**
     * How many petitions the same petitioners brought earlier on the same matter (same category
     * and place); 2 means this one is the third.
     */
    public int getEarlierPetitionsOnMatter() {
        return earlierPetitionsOnMatter;
    }

    /** The legal time limits of the case that have passed; empty at registration. */
    public Set<DeadlineKind> getOverdueDeadlines() {
        return overdueDeadlines;
    }

    public boolean isOverdue() {
        return !overdueDeadlines.isEmpty();
    }

    /** Whether the title or the text mentions {@code word}; for rules that route on wording. */
    public boolean mentions(String word) {
        return title.contains(word) || content.contains(word);
    }

    /** Whether the title or the text mentions any of {@code words}. */
    public boolean mentionsAny(String... words) {
        for (String word : words) {
            if (mentions(word)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        // Written to logs that rule and platform administrators read: never a word of what the case says.
        return "PetitionFact[" + (registrationNumber != null ? registrationNumber + ", " : "") + channel + ", "
                + type + ", " + category + ", " + jurisdiction + "]";
    }

    /** Assembles a fact; channel, type, category, title, content, jurisdiction and receivedAt are required. */
    public static final class Builder {
        private String registrationNumber;
        private Channel channel;
        private PetitionType type;
        private Category category;
        private String title;
        private String content;
        private String jurisdiction;
        private Instant receivedAt;
        private Instant evaluatedAt;
        private PetitionStatus status = PetitionStatus.REGISTERED;
        private int petitionerCount = 1;
        private boolean confidentialityRequested;
        private List<String> accused = List.of();
        private int earlierPetitionsOnMatter;
        private Set<DeadlineKind> overdueDeadlines = Set.of();

        private Builder() {
        }

        public Builder registrationNumber(String value) {
            this.registrationNumber = value;
            return this;
        }

        public Builder channel(Channel value) {
            this.channel = value;
            return this;
        }

        public Builder type(PetitionType value) {
            this.type = value;
            return this;
        }

        public Builder category(Category value) {
            this.category = value;
            return this;
        }

        public Builder title(String value) {
            this.title = value;
            return this;
        }

        public Builder content(String value) {
            this.content = value;
            return this;
        }

        public Builder jurisdiction(String value) {
            this.jurisdiction = value;
            return this;
        }

        public Builder receivedAt(Instant value) {
            this.receivedAt = value;
            return this;
        }

        public Builder evaluatedAt(Instant value) {
            this.evaluatedAt = value;
            return this;
        }

        public Builder status(PetitionStatus value) {
            this.status = value;
            return this;
        }

        public Builder petitionerCount(int value) {
            this.petitionerCount = value;
            return this;
        }

        public Builder confidentialityRequested(boolean value) {
            this.confidentialityRequested = value;
            return this;
        }

        public Builder accused(List<String> value) {
            this.accused = value == null ? List.of() : value;
            return this;
        }

        public Builder earlierPetitionsOnMatter(int value) {
            this.earlierPetitionsOnMatter = value;
            return this;
        }

        public Builder overdueDeadlines(Set<DeadlineKind> value) {
            this.overdueDeadlines = value == null ? Set.of() : value;
            return this;
        }

        public PetitionFact build() {
            return new PetitionFact(this);
        }
    }
}
