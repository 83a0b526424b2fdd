using PreventionStrategy.Web.Features.Briefings;

namespace PreventionStrategy.Web.Tests.Briefings;

/// <summary>The issued model survives its JSON: what the HTML page shows is what the PDF said.</summary>
public sealed class BriefingModelJsonTests
{
    [Fact]
    public void The_worded_model_round_trips_through_its_versioned_json()
    {
        var model = SmallBriefing.Create();

        var json = BriefingModelJson.Write(model);
        var read = BriefingModelJson.Read(json)!;

        Assert.Contains("\"schemaVersion\":1", json);
        Assert.Equal(model.Header, read.Header);
        Assert.Equal(model.Decisions, read.Decisions);
        Assert.Equal(model.FocusAreas.Select(a => (a.Title, a.Status, a.Milestones.Count)), read.FocusAreas.Select(a => (a.Title, a.Status, a.Milestones.Count)));
        Assert.Equal(model.FocusAreas.SelectMany(a => a.Milestones), read.FocusAreas.SelectMany(a => a.Milestones));
        Assert.Equal(model.Changes.Items, read.Changes.Items);
        Assert.Equal(model.Summary.Statement, read.Summary.Statement);
        Assert.Equal(model.Summary.StatusCounts, read.Summary.StatusCounts);
    }

    [Fact]
    public void Json_of_an_unknown_schema_version_is_not_guessed_at()
    {
        var json = BriefingModelJson.Write(SmallBriefing.Create()).Replace("\"schemaVersion\":1", "\"schemaVersion\":99", StringComparison.Ordinal);

        Assert.Null(BriefingModelJson.Read(json));
    }
}
