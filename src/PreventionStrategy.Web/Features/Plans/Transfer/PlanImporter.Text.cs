using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace PreventionStrategy.Web.Features.Plans.Transfer;

/// <summary>
/// What the JSON parser lets through but a plan must not hold: bytes that are not UTF-8, a field
/// written twice in one object (the parser would keep the last silently), and control characters
/// (NUL and the like) in texts. Each is refused with the line it is on.
/// </summary>
public sealed partial class PlanImporter
{
    /// <summary>The first byte that is not UTF-8, as a Danish error; null when the file is UTF-8.</summary>
    private string? InvalidUtf8(ReadOnlySpan<byte> data)
    {
        if (Utf8.IsValid(data))
        {
            return null;
        }

        var chars = ArrayPool<char>.Shared.Rent(4096);
        try
        {
            var offset = 0;
            while (true)
            {
                var status = Utf8.ToUtf16(data[offset..], chars, out var bytesRead, out _, replaceInvalidSequences: false);
                offset += bytesRead;
                if (status == OperationStatus.InvalidData || status == OperationStatus.NeedMoreData)
                {
                    var (line, column) = LineAndColumn(data, offset);
                    return L("Import.InvalidUtf8", line, column);
                }
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>
    /// One pass over the tokens, without recursion (a stack per open object or array, bounded by
    /// the parser's depth limit): every field written twice in an object (ignoring case, as the
    /// format is read) and every text with a control character other than tab and line breaks.
    /// </summary>
    private List<string> TextProblems(ReadOnlySpan<byte> data)
    {
        var problems = new List<string>();
        var open = new Stack<HashSet<string>?>();
        var reader = new Utf8JsonReader(data);
        var field = "$";
        while (reader.Read() && problems.Count < PlanLimits.MaxErrorsShown)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    open.Push(new HashSet<string>(StringComparer.OrdinalIgnoreCase));
                    break;
                case JsonTokenType.StartArray:
                    open.Push(null);
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    open.Pop();
                    break;
                case JsonTokenType.PropertyName:
                    field = reader.GetString()!;
                    if (open.Peek() is { } names && !names.Add(field))
                    {
                        problems.Add(L("Import.DuplicateField", field, LineAndColumn(data, (int)reader.TokenStartIndex).Line));
                    }

                    break;
                case JsonTokenType.String:
                    var text = reader.GetString()!;
                    var at = text.AsSpan().IndexOfAny(ForbiddenControls);
                    if (at >= 0)
                    {
                        problems.Add(L("Import.ControlCharacter", field, LineAndColumn(data, (int)reader.TokenStartIndex).Line, $"U+{(int)text[at]:X4}"));
                    }

                    break;
            }
        }

        return problems;
    }

    /// <summary>C0 controls (NUL included) but tab, line feed and carriage return; DEL; the C1 controls.</summary>
    private static readonly SearchValues<char> ForbiddenControls = SearchValues.Create(
        Enumerable.Range(0, 0xA0).Select(i => (char)i).Where(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r')).ToArray());

    private static (int Line, int Column) LineAndColumn(ReadOnlySpan<byte> data, int offset)
    {
        var before = data[..Math.Min(offset, data.Length)];
        var line = before.Count((byte)'\n') + 1;
        var lastBreak = before.LastIndexOf((byte)'\n');
        return (line, offset - lastBreak);
    }
}
