package org.reception.rules;

import java.time.Instant;
import java.util.Objects;

import org.reception.cases.Category;
import org.reception.cases.Channel;
import org.reception.cases.PetitionType;

/**
 * What a rule sees of a petition: a read-only view, with the jurisdiction split into its chain so
 * that a rule can match a whole prefecture ({@code prefecture == "5201"}) as easily as a county.
 * Getters only, so that DRL constraints read naturally ({@code category == Category.HEALTH}).
 */
public final class PetitionFact {

    private final Channel channel;
    private final PetitionType type;
    private final Category category;
    private final String title;
    private final String content;
    private final String jurisdiction;
    private final Instant receivedAt;

    public PetitionFact(Channel channel, PetitionType type, Category category, String title, String content,
                        String jurisdiction, Instant receivedAt) {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.type = Objects.requireNonNull(type, "type");
        this.category = Objects.requireNonNull(category, "category");
        this.title = Objects.requireNonNull(title, "title");
        this.content = Objects.requireNonNull(content, "content");
        this.jurisdiction = Objects.requireNonNull(jurisdiction, "jurisdiction");
        this.receivedAt = Objects.requireNonNull(receivedAt, "receivedAt");
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

    public Instant getReceivedAt() {
        return receivedAt;
    }

    /** Whether the title or the text mentions {@code word}; for rules that route on wording. */
    public boolean mentions(String word) {
        return title.contains(word) || content.contains(word);
    }

    @Override
    public String toString() {
        return "PetitionFact[" + channel + ", " + category + ", " + jurisdiction + ", " + title + "]";
    }
}
