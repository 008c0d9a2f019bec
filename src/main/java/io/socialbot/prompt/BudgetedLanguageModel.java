package io.socialbot.prompt;

/** A model behind the per-minute cap: a call over the cap is not made and comes back as over budget. */
public final class BudgetedLanguageModel implements LanguageModel {

    private final LanguageModel model;
    private final ModelBudget budget;

    public BudgetedLanguageModel(LanguageModel model, ModelBudget budget) {
        this.model = model;
        this.budget = budget;
    }

    @Override
    public ModelAnswer complete(ModelRequest request) {
        if (!budget.tryTake()) {
            return new Unavailable(Reason.OVER_BUDGET, "calls per minute used up");
        }
        return model.complete(request);
    }
}
