namespace PreventionStrategy.Web.Features.CommitteeCycle;

public static class DecisionLimits
{
    public const int QuestionLength = 500;
}
