package org.sessionrnn.claims;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A claim file's content: who holds the claim, for which shard, since when; the file's modification time is the
 * holder's last heartbeat.
 *
 * @param name      what is claimed: a run id, or {@code pretrained-<key>} for a shared pre-trained model
 * @param holder    the worker holding it
 * @param shard     the holder's shard ({@code I/N})
 * @param since     when it was claimed
 * @param heartbeat the holder's last heartbeat
 */
public record Claim(String name, WorkerId holder, String shard, Instant since, Instant heartbeat) {
    Map<String, String> fields() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("name", name);
        f.put("worker", holder.token());
        f.put("host", holder.host());
        f.put("pid", Long.toString(holder.pid()));
        f.put("started", holder.started());
        f.put("shard", shard);
        f.put("claimed_at", since.toString());
        return f;
    }

    /** Parses a claim file's text; empty if it is not a complete claim. */
    static Optional<Claim> parse(String text, Instant heartbeat) {
        Map<String, String> f = KeyValues.parse(text);
        try {
            WorkerId holder = new WorkerId(f.get("host"), Long.parseLong(f.get("pid")), f.get("started"),
                    f.get("worker"));
            if (holder.host() == null || holder.token() == null || holder.started() == null) {
                return Optional.empty();
            }
            return Optional.of(new Claim(f.get("name"), holder, f.getOrDefault("shard", "?"),
                    Instant.parse(f.get("claimed_at")), heartbeat));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** {@code host:pid (shard I/N) since T}, for messages. */
    public String describe() {
        return holder.label() + " (shard " + shard + ") since " + since;
    }
}
