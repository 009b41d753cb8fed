package org.reception.core;

import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed sign-ins per client address and per account and address, and delays what keeps
 * failing, so that guessing is slow and never locks an account's owner out:
 *
 * <ul>
 * <li>An account and address may fail {@value #PAIR_FREE} times; each further failure doubles the
 *     time before the next try from there (1 s, 2 s, 4 s … at most {@value #MAX_DELAY_SECONDS} s).
 *     Nothing is counted against the account itself: the owner signs in from another address.</li>
 * <li>An address may fail {@value #ADDRESS_FREE} times, over any accounts, before the same delays
 *     hold for every sign-in from it, so that trying many accounts is slow too. An account that
 *     signed in from that address lately is not held by them: colleagues behind one gateway are not
 *     locked out by a guesser among them.</li>
 * <li>Failures are forgotten {@value #FORGET_SECONDS} s after the last one. At most
 *     {@value #MAX_ENTRIES} addresses and as many pairs are remembered; when full, the forgotten are
 *     dropped first, then those with the fewest failures, so that flooding with new names cannot
 *     wipe out a guesser's count.</li>
 * </ul>
 *
 * The time is the platform's monotonic time in nanoseconds, injected.
 */
final class SignInThrottle {

    static final int PAIR_FREE = 3;
    static final int ADDRESS_FREE = 20;
    static final long MAX_DELAY_SECONDS = 900;
    static final long FORGET_SECONDS = 900;
    static final int MAX_ENTRIES = 10_000;
    /** How long a successful sign-in of an account from an address vouches for it there. */
    static final long GOOD_SECONDS = 86_400;
    private static final long SECOND = 1_000_000_000L;

    private record Failures(int count, long last, long blockedUntil) {
    }

    private final Map<String, Failures> byAddress = new ConcurrentHashMap<>();
    private final Map<String, Failures> byPair = new ConcurrentHashMap<>();
    /** Account and address pairs that signed in, and when. */
    private final Map<String, Long> good = new ConcurrentHashMap<>();

    /** @return seconds to wait before this sign-in may be tried, or 0 when it may be tried now */
    long waitSeconds(String account, String address, long now) {
        long pair = remaining(byPair.get(pair(account, address)), now);
        Long signedIn = good.get(pair(account, address));
        boolean vouched = signedIn != null && now - signedIn < GOOD_SECONDS * SECOND;
        long place = vouched ? 0 : remaining(byAddress.get(address(address)), now);
        return Math.max(pair, place);
    }

    void failed(String account, String address, long now) {
        count(byPair, pair(account, address), PAIR_FREE, now);
        count(byAddress, address(address), ADDRESS_FREE, now);
    }

    void succeeded(String account, String address, long now) {
        byPair.remove(pair(account, address));
        if (good.size() >= MAX_ENTRIES) {
            good.entrySet().removeIf(entry -> now - entry.getValue() >= GOOD_SECONDS * SECOND);
            if (good.size() >= MAX_ENTRIES) {
                good.clear();
            }
        }
        good.put(pair(account, address), now);
    }

    /** How many failures are remembered for the address: for the security log. */
    int failuresOf(String address) {
        Failures failures = byAddress.get(address(address));
        return failures == null ? 0 : failures.count();
    }

    private static long remaining(Failures failures, long now) {
        if (failures == null || now - failures.blockedUntil() >= 0) {
            return 0;
        }
        return Math.max(1, (failures.blockedUntil() - now + SECOND - 1) / SECOND);
    }

    private static void count(Map<String, Failures> counts, String key, int free, long now) {
        if (!counts.containsKey(key) && counts.size() >= MAX_ENTRIES) {
            evict(counts, now);
        }
        counts.compute(key, (k, earlier) -> {
            int count = earlier == null || now - earlier.last() >= FORGET_SECONDS * SECOND ? 1 : earlier.count() + 1;
            long delay = count <= free ? 0 : Math.min(MAX_DELAY_SECONDS, 1L << Math.min(30, count - free - 1));
            return new Failures(count, now, now + delay * SECOND);
        });
    }

    /** Drops the forgotten, then the tenth of the rest with the fewest failures. */
    private static void evict(Map<String, Failures> counts, long now) {
        counts.entrySet().removeIf(entry -> now - entry.getValue().last() >= FORGET_SECONDS * SECOND);
        if (counts.size() < MAX_ENTRIES) {
            return;
        }
        counts.entrySet().stream().sorted(Comparator.comparingInt(entry -> entry.getValue().count()))
                .limit(MAX_ENTRIES / 10).map(Map.Entry::getKey).toList().forEach(counts::remove);
    }

    private static String pair(String account, String address) {
        return account + '\u0000' + address(address);
    }

    private static String address(String address) {
        return address == null ? "unknown" : address;
    }
}
