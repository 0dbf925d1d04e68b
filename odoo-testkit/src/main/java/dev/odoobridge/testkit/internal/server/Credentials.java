package dev.odoobridge.testkit.internal.server;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Users, passwords and API keys of the fake server. Passwords authenticate XML-RPC and JSON-RPC
 * calls (an API key works in place of a password there too, as in Odoo); API keys authenticate
 * JSON-2 as bearer tokens. Thread-safe.
 */
public final class Credentials {
    /** One user. */
    public record User(int uid, String login, String password) {
        public User {
            Objects.requireNonNull(login, "login == null");
            Objects.requireNonNull(password, "password == null");
        }
    }

    private final Map<String, User> byLogin = new ConcurrentHashMap<>();
    private final Map<Integer, User> byUid = new ConcurrentHashMap<>();
    private final Map<String, Integer> apiKeys = new ConcurrentHashMap<>();
    private final Map<String, String> keyByLogin = new ConcurrentHashMap<>();
    private final Random random;

    /** Creates an empty store whose generated API keys come from {@code random}. */
    public Credentials(Random random) {
        this.random = Objects.requireNonNull(random, "random == null");
    }

    /** Adds (or replaces) a user. */
    public void add(User user) {
        Objects.requireNonNull(user, "user == null");
        byLogin.put(user.login(), user);
        byUid.put(user.uid(), user);
    }

    /** The user with this login, if any. */
    public Optional<User> user(String login) {
        return Optional.ofNullable(byLogin.get(login));
    }

    /** {@code common.authenticate}: the uid when the password (or one of the user's API keys) matches. */
    public OptionalInt authenticate(String login, String secret) {
        User user = login == null ? null : byLogin.get(login);
        if (user == null || secret == null) {
            return OptionalInt.empty();
        }
        return matches(user, secret) ? OptionalInt.of(user.uid()) : OptionalInt.empty();
    }

    /** Whether a user with this uid exists. */
    public boolean exists(int uid) {
        return byUid.containsKey(uid);
    }

    /** The check {@code execute_kw} runs: does {@code secret} belong to {@code uid}? */
    public boolean check(int uid, String secret) {
        User user = byUid.get(uid);
        return user != null && secret != null && matches(user, secret);
    }

    private boolean matches(User user, String secret) {
        if (user.password().equals(secret)) {
            return true;
        }
        Integer keyUid = apiKeys.get(secret);
        return keyUid != null && keyUid == user.uid();
    }

    /** The user an API key belongs to. */
    public OptionalInt uidForApiKey(String key) {
        Integer uid = key == null ? null : apiKeys.get(key);
        return uid == null ? OptionalInt.empty() : OptionalInt.of(uid);
    }

    /** The API key of {@code login}, generated (40 hex digits, like Odoo's) on first use. */
    public String apiKey(String login) {
        User user = byLogin.get(login);
        if (user == null) {
            throw new IllegalArgumentException("no user with login '" + login + "'; known: " + byLogin.keySet());
        }
        return keyByLogin.computeIfAbsent(login, l -> {
            String key = newKey();
            apiKeys.put(key, user.uid());
            return key;
        });
    }

    private String newKey() {
        StringBuilder sb = new StringBuilder(40);
        synchronized (random) {
            for (int i = 0; i < 40; i++) {
                sb.append(Character.forDigit(random.nextInt(16), 16));
            }
        }
        return sb.toString();
    }
}
