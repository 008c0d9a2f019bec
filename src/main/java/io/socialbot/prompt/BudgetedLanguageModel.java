package io.socialbot.prompt;

/**
 * A model behind the per-minute cap and the service's own Retry-After: a call over the cap, or before the time a
 * rate-limited service named, is not made and comes back as {@link Unavailable} (with that time).
 */
public final class BudgetedLanguageModel implements LanguageModel {

    private final LanguageModel model;
    private final ModelBudget budget;

    public BudgetedLanguageModel(LanguageModel model, ModelBudget budget) {
        this.model = model;
        this.budget = budget;
    }

    @Override
    public ModelAnswer complete(ModelRequest request) {
        var paused = budget.pausedUntil();
        if (paused.isPresent()) {
            // asking before the time it gave only earns another 429 and spends the cap
            return new Unavailable(Reason.RATE_LIMITED, "waiting for its Retry-After", paused.get());
        }
        if (!budget.tryTake()) {
            return new Unavailable(Reason.OVER_BUDGET, "calls per minute used up");
        }
        ModelAnswer answer = model.complete(request);
        if (answer instanceof Unavailable down && down.reason() == Reason.RATE_LIMITED && down.retryAt() != null) {
            budget.pauseUntil(down.retryAt());
            // the pause as kept (capped, or a later one another replica set), so the time a person is told is true
            return new Unavailable(down.reason(), down.detail(), budget.pausedUntil().orElse(down.retryAt()));
        }
        return answer;
    }
}
