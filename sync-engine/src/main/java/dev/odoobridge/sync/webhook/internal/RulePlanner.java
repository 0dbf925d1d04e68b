package dev.odoobridge.sync.webhook.internal;

import dev.odoobridge.sync.webhook.RuleChange;
import dev.odoobridge.sync.webhook.RuleChange.Fix;
import dev.odoobridge.sync.webhook.RuleChange.Kind;
import dev.odoobridge.sync.webhook.RuleState;
import dev.odoobridge.sync.webhook.RuleStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Compares the rules odoo-bridge wants with the rules found in Odoo, without talking to Odoo: the status of each
 * wanted rule, and the changes that install (create the missing, repair ours, re-enable disabled ones, delete
 * duplicates and rules no longer wanted) or uninstall (delete all of ours) need. Rules that are not ours (see
 * {@link RuleMarker}) are never touched. Of several rules of ours for one model and trigger the oldest is kept.
 */
public final class RulePlanner {
    /** What the plan is for. */
    public enum Mode {
        /** Make Odoo hold exactly the wanted rules of this source. */
        INSTALL,
        /** Remove every rule of this source. */
        UNINSTALL
    }

    private final RuleMarker marker;

    /** A planner recognising and masking with {@code marker}. */
    public RulePlanner(RuleMarker marker) {
        this.marker = Objects.requireNonNull(marker, "marker == null");
    }

    /**
     * The plan and the statuses.
     *
     * @param wanted the rules wanted (ignored when uninstalling)
     * @param found every rule read from Odoo that may be ours (others are filtered out here)
     */
    public Planned plan(List<WantedRule> wanted, List<FoundRule> found, Mode mode) {
        Map<String, List<FoundRule>> ours = new LinkedHashMap<>();
        found.stream().filter(marker::owns).sorted(Comparator.comparingLong(FoundRule::id))
                .forEach(rule -> ours.computeIfAbsent(key(rule.model(), rule.trigger()), k -> new ArrayList<>()).add(rule));
        List<RuleChange> deletes = new ArrayList<>();
        List<RuleChange> updates = new ArrayList<>();
        List<RuleChange> creates = new ArrayList<>();
        List<RuleStatus> statuses = new ArrayList<>();
        Set<String> wantedKeys = new HashSet<>();
        if (mode == Mode.INSTALL) {
            for (WantedRule want : wanted) {
                if (!wantedKeys.add(key(want.model(), want.trigger()))) {
                    continue;
                }
                List<FoundRule> rules = ours.getOrDefault(key(want.model(), want.trigger()), List.of());
                if (rules.isEmpty()) {
                    creates.add(new RuleChange(Kind.CREATE, want.model(), want.trigger(), 0, List.of(), Set.of(),
                            marker.mask(want.url())));
                    statuses.add(new RuleStatus(want.model(), want.trigger(), RuleState.MISSING, 0, "",
                            List.of("no rule \"" + want.name() + "\"")));
                    continue;
                }
                FoundRule kept = rules.get(0);
                compare(want, kept, updates, statuses);
                for (FoundRule duplicate : rules.subList(1, rules.size())) {
                    deletes.add(delete(duplicate));
                    statuses.add(unwanted(duplicate, "duplicate of rule #" + kept.id() + " (each would post again)"));
                }
            }
        }
        ours.forEach((key, rules) -> {
            if (wantedKeys.contains(key)) {
                return;
            }
            for (FoundRule rule : rules) {
                deletes.add(delete(rule));
                if (mode == Mode.INSTALL) {
                    statuses.add(unwanted(rule, rule.model() + " " + rule.trigger() + " is not wanted"
                            + " (model not synced, or trigger changed by hand)"));
                }
            }
        });
        Comparator<RuleChange> order = Comparator.comparing(RuleChange::model).thenComparing(RuleChange::trigger)
                .thenComparingLong(RuleChange::ruleId);
        deletes.sort(order);
        updates.sort(order);
        creates.sort(order);
        List<RuleChange> changes = new ArrayList<>(deletes);
        changes.addAll(updates);
        changes.addAll(creates);
        statuses.sort(Comparator.comparing(RuleStatus::model).thenComparing(RuleStatus::trigger)
                .thenComparingLong(RuleStatus::ruleId));
        return new Planned(changes, statuses);
    }

    private void compare(WantedRule want, FoundRule rule, List<RuleChange> updates, List<RuleStatus> statuses) {
        Set<Fix> fixes = EnumSet.noneOf(Fix.class);
        List<String> details = new ArrayList<>();
        List<FoundRule.FoundAction> webhooks = rule.webhooks();
        List<Long> actionIds = new ArrayList<>();
        String shownUrl = "";
        if (!rule.active()) {
            fixes.add(Fix.ENABLE);
            details.add("disabled (archived): Odoo does not run it");
        }
        if (webhooks.isEmpty()) {
            fixes.add(Fix.ADD_ACTION);
            details.add("has no \"Send Webhook Notification\" action");
        } else {
            FoundRule.FoundAction first = webhooks.get(0);
            shownUrl = marker.mask(first.url());
            webhooks.forEach(a -> actionIds.add(a.id()));
            if (!first.url().trim().equals(want.url())) {
                fixes.add(Fix.URL);
                details.add("posts to " + (first.url().isBlank() ? "no URL" : shownUrl) + " instead of "
                        + marker.mask(want.url()));
            }
            if (!Set.copyOf(first.fields()).equals(Set.copyOf(want.fields()))) {
                fixes.add(Fix.FIELDS);
                details.add("sends " + sorted(first.fields()) + " instead of " + sorted(want.fields()));
            }
            if (!first.name().equals(want.name())) {
                fixes.add(Fix.ACTION_NAME);
                details.add("its action is named \"" + first.name() + "\", not \"" + want.name()
                        + "\" (the receiver reads the trigger from it)");
            }
            if (webhooks.size() > 1) {
                fixes.add(Fix.EXTRA_ACTIONS);
                details.add(webhooks.size() + " webhook actions (each posts)");
            }
        }
        RuleState state = fixes.isEmpty() ? RuleState.OK
                : fixes.contains(Fix.URL) ? RuleState.ELSEWHERE
                : fixes.contains(Fix.ENABLE) && !fixes.contains(Fix.ADD_ACTION) ? RuleState.DISABLED
                : RuleState.OUTDATED;
        statuses.add(new RuleStatus(want.model(), want.trigger(), state, rule.id(), shownUrl, details));
        if (!fixes.isEmpty()) {
            updates.add(new RuleChange(Kind.UPDATE, want.model(), want.trigger(), rule.id(), actionIds, fixes,
                    marker.mask(want.url())));
        }
    }

    private RuleChange delete(FoundRule rule) {
        List<FoundRule.FoundAction> webhooks = rule.webhooks();
        return new RuleChange(Kind.DELETE, rule.model(), rule.trigger(), rule.id(),
                rule.actions().stream().map(FoundRule.FoundAction::id).toList(), Set.of(),
                webhooks.isEmpty() ? "" : marker.mask(webhooks.get(0).url()));
    }

    private RuleStatus unwanted(FoundRule rule, String why) {
        List<FoundRule.FoundAction> webhooks = rule.webhooks();
        return new RuleStatus(rule.model(), rule.trigger(), RuleState.UNWANTED, rule.id(),
                webhooks.isEmpty() ? "" : marker.mask(webhooks.get(0).url()), List.of(why));
    }

    private static List<String> sorted(List<String> names) {
        return names.stream().sorted().toList();
    }

    private static String key(String model, String trigger) {
        return model + " " + trigger;
    }

    /**
     * A plan and the statuses it was computed from.
     *
     * @param changes deletions first, then repairs, then creations
     * @param statuses one per wanted rule, plus one per unwanted rule of ours (install only)
     */
    public record Planned(List<RuleChange> changes, List<RuleStatus> statuses) {
        public Planned {
            changes = List.copyOf(changes);
            statuses = List.copyOf(statuses);
        }
    }
}
