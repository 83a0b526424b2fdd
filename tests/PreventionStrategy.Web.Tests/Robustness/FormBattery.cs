using System.Globalization;
using System.Text.RegularExpressions;
using PreventionStrategy.Web.Tests.Infrastructure;

namespace PreventionStrategy.Web.Tests.Robustness;

/// <summary>A submission to make of whatever the form looks like when it is its turn (a save before it changes the form's version).</summary>
public sealed record BatteryStep(string Description, Func<PostForm, Submission> Build);

/// <summary>Builds the battery for one form: every field in turn, and every id in its address.</summary>
public sealed partial class FormBattery(DemoIds demo, OtherIds other, bool asDepartmentHead)
{
    /// <summary>Values for required fields a new record's form shows empty, so the post fails only for the field under test.</summary>
    private static readonly Dictionary<string, string> Defaults = new(StringComparer.Ordinal)
    {
        ["Input.Title"] = "Robusthedstest",
        ["Input.Name"] = "Robusthedstest",
        ["Input.Municipality"] = "Norddjurs Kommune",
        ["Input.Division"] = "Børn og familie",
        ["Input.BudgetSketch"] = "Budget 2027",
        ["Input.FullName"] = "Robust Testperson",
        ["Input.MeetingDate"] = "2027-03-01",
        ["Input.BriefingDeadline"] = "2027-02-20",
        ["Input.Timing.Date"] = "2027-05-01",
    };

    private int emails;

    /// <summary>The form as a person would send it after filling in the required fields.</summary>
    public List<KeyValuePair<string, string>> Filled(PostForm form, string? except = null)
    {
        var values = form.Values();
        for (var i = 0; i < values.Count; i++)
        {
            var (name, value) = values[i];
            if (name == except || value.Length > 0)
            {
                continue;
            }

            if (Defaults.TryGetValue(name, out var filled))
            {
                values[i] = new(name, filled);
            }
            else if (name == "Input.Email" && !form.Path.Contains("Login", StringComparison.Ordinal))
            {
                // A new user needs an address no one has.
                values[i] = new(name, $"robust-{++emails}@example.dk");
            }
        }

        return values;
    }

    public IReadOnlyList<BatteryStep> Steps(PostForm form)
    {
        var steps = new List<BatteryStep>();
        foreach (var (description, action) in BadActions(form))
        {
            steps.Add(new BatteryStep(description, current => new Submission(description, action, Filled(current), Expect.Refuse)));
        }

        if (form.IsDestructive)
        {
            // Deleting, archiving and sending are tried on things that are not there, never on real ones.
            foreach (var field in form.Fields.Where(f => PostForm.IsIdName(f.Name) && f.Kind == FieldKind.Hidden))
            {
                foreach (var bad in BadValues.MissingIds)
                {
                    var description = $"{field.Name}={bad}";
                    steps.Add(new BatteryStep(description, current => new Submission(description, current.Action, Replace(current.Values(), field.Name, bad), Expect.Refuse)));
                }
            }

            return steps;
        }

        foreach (var family in form.Fields.GroupBy(f => f.Family))
        {
            var name = family.First().Name;
            var kind = family.Where(f => f.Name == name).Select(f => f.Kind).OrderBy(k => k == FieldKind.Hidden ? 1 : 0).First();
            var choices = family.Where(f => f.Name == name).SelectMany(f => f.Choices).ToHashSet(StringComparer.Ordinal);
            if (kind == FieldKind.File)
            {
                continue;
            }

            void Add(string value, Expect expect, string? label = null)
            {
                var description = $"{name}={Describe(label ?? value)}";
                steps.Add(new BatteryStep(description, current => new Submission(description, current.Action, Replace(Filled(current, name), name, value), expect, value)));
            }

            Add(string.Empty, Expect.Any, "(empty)");
            if (kind == FieldKind.FreeText)
            {
                // Elsewhere blank is empty to the binder.
                Add("   ", Expect.Any, "(spaces)");
            }

            steps.Add(new BatteryStep($"{name} missing", current => new Submission($"{name} missing", current.Action, Filled(current, name).Where(v => v.Key != name).ToList(), Expect.Any)));
            steps.Add(new BatteryStep($"{name} twice", current =>
            {
                var values = Filled(current);
                values.Insert(values.FindLastIndex(v => v.Key == name) + 1, new(name, BadValues.Script));
                return new Submission($"{name} twice", current.Action, values, Expect.Any);
            }));

            // A number, date or time may be refused, or ignored where the form does not use it (a year when
            // the precision is a day); a choice, a box or an id must be refused.
            var expect = kind switch
            {
                FieldKind.Number when IsNewRecordVersion(family.First()) => Expect.Any,
                FieldKind.Number or FieldKind.Date or FieldKind.Time => Expect.RefuseOrIgnore,
                FieldKind.Select or FieldKind.Flag or FieldKind.IdChoice => Expect.Refuse,
                FieldKind.Hidden when PostForm.IsIdName(name) => Expect.RefuseOrIgnore,
                _ => Expect.Any,
            };
            foreach (var text in kind == FieldKind.FreeText ? BadValues.Texts : BadValues.NotText)
            {
                Add(text, kind == FieldKind.FreeText ? Expect.RefuseOrStoreExactly : expect);
            }

            var wrong = kind switch
            {
                FieldKind.Number => BadValues.Numbers,
                FieldKind.Date => BadValues.Dates,
                FieldKind.Time => BadValues.Times,
                FieldKind.Select => BadValues.Choices,
                FieldKind.Flag => ["abc", "2"],
                FieldKind.IdChoice => BadValues.MissingIds,
                FieldKind.Hidden when PostForm.IsIdName(name) => BadValues.MissingIds,
                _ => [],
            };
            foreach (var value in wrong.Where(v => !choices.Contains(v)))
            {
                Add(value, expect);
            }

            if (PostForm.IsIdName(name) && kind is not FieldKind.Hidden)
            {
                // Offered by the form, someone else's id is a legitimate choice (any active user may own a task).
                foreach (var value in ElsewhereIds(name).Where(v => !choices.Contains(v)))
                {
                    Add(value, Expect.Refuse, $"{value} (someone else's)");
                }
            }

            if (IndexPattern().Match(name) is { Success: true } index)
            {
                // Ids as keys (stakeholder roles by stakeholder id) must exist; list positions may be anything.
                var keyedById = family.Select(f => IndexPattern().Match(f.Name).Groups[1].Value).Distinct().Order().ToList() is var keys
                    && !keys.SequenceEqual(Enumerable.Range(0, keys.Count).Select(i => i.ToString(CultureInfo.InvariantCulture)));
                var role = choices.FirstOrDefault(c => c.Length > 0);
                foreach (var bad in BadValues.Indexes)
                {
                    var renamed = name[..index.Groups[1].Index] + bad + name[(index.Groups[1].Index + index.Groups[1].Length)..];
                    var description = $"{name} as {renamed}";
                    var mustExist = keyedById && role is not null && bad == "999999";
                    steps.Add(new BatteryStep(description, current =>
                    {
                        var values = Filled(current).Select(v => v.Key == name ? new KeyValuePair<string, string>(renamed, mustExist ? role! : v.Value) : v).ToList();
                        return new Submission(description, current.Action, values, mustExist ? Expect.Refuse : Expect.Any);
                    }));
                }
            }
        }

        return steps;
    }

    /// <summary>The form's address with each id in it (path segment or query value) replaced by one that is not there, or not the user's.</summary>
    private IEnumerable<(string Description, string Action)> BadActions(PostForm form)
    {
        var parts = form.Action.Split('?', 2);
        var segments = parts[0].Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            if (!int.TryParse(segments[i], out _))
            {
                continue;
            }

            foreach (var bad in BadValues.MissingIds.Concat(NotMine(parts[0])))
            {
                var changed = (string[])segments.Clone();
                changed[i] = bad;
                yield return ($"address id {segments[i]} as {bad}", string.Join('/', changed) + (parts.Length > 1 ? "?" + parts[1] : string.Empty));
            }
        }

        if (parts.Length < 2)
        {
            yield break;
        }

        var query = parts[1].Split('&');
        for (var i = 0; i < query.Length; i++)
        {
            var pair = query[i].Split('=', 2);
            if (pair.Length < 2 || !pair[0].EndsWith("Id", StringComparison.OrdinalIgnoreCase) || !int.TryParse(pair[1], out _)
                || form.Fields.Any(f => f.Name.Equals(pair[0], StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            foreach (var bad in BadValues.MissingIds)
            {
                var changed = (string[])query.Clone();
                changed[i] = $"{pair[0]}={Uri.EscapeDataString(bad)}";
                yield return ($"address {pair[0]} as {bad}", parts[0] + "?" + string.Join('&', changed));
            }
        }
    }

    /// <summary>A department head may change their own milestones only: another strategy's milestone and task are someone else's.</summary>
    private IEnumerable<string> NotMine(string path)
    {
        if (!asDepartmentHead)
        {
            return [];
        }

        if (path.StartsWith("/Milestones/UpdateStatus/", StringComparison.Ordinal))
        {
            return [other.Milestone.ToString(CultureInfo.InvariantCulture)];
        }

        return path.StartsWith("/Milestones/TaskEdit/", StringComparison.Ordinal) ? [other.Task.ToString(CultureInfo.InvariantCulture)] : [];
    }

    /// <summary>Ids that exist but belong elsewhere: another strategy's focus area or milestone, a person where a unit is asked for, a user who may not own milestones.</summary>
    private IEnumerable<string> ElsewhereIds(string name)
    {
        var field = name[(name.LastIndexOf('.') + 1)..];
        return field switch
        {
            "FocusAreaIds" or "FocusAreaId" => [other.FocusArea.ToString(CultureInfo.InvariantCulture)],
            "MilestoneIds" or "PreconditionId" => [other.Milestone.ToString(CultureInfo.InvariantCulture)],
            "MeetingId" => [other.Meeting.ToString(CultureInfo.InvariantCulture)],
            "UnitId" => [other.Person.ToString(CultureInfo.InvariantCulture)],
            "MemberIds" => [other.Unit.ToString(CultureInfo.InvariantCulture)],
            "OwnerId" => [demo.StaffUser],
            _ => [],
        };
    }

    /// <summary>A new record's form carries version 0, which nothing is compared with: any number is as good.</summary>
    private static bool IsNewRecordVersion(FormField field) => field.Name.EndsWith("Version", StringComparison.Ordinal) && field.Value == "0";

    private static List<KeyValuePair<string, string>> Replace(List<KeyValuePair<string, string>> values, string name, string value)
    {
        var at = values.FindIndex(v => v.Key == name);
        values.RemoveAll(v => v.Key == name);
        values.Insert(at < 0 ? values.Count : Math.Min(at, values.Count), new(name, value));
        return values;
    }

    private static string Describe(string value) => value.Length > 40 ? $"({value.Length} characters)" : value;

    [GeneratedRegex(@"\[([^\]]*)\]")]
    private static partial Regex IndexPattern();
}
