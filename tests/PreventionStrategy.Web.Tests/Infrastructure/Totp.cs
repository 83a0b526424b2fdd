using System.Buffers.Binary;
using System.Security.Cryptography;

namespace PreventionStrategy.Web.Tests.Infrastructure;

/// <summary>
/// What an authenticator app computes from a key (RFC 6238: HMAC-SHA1 over the base32 key, 30-second
/// steps, 6 digits), so tests type the code a person would read off their phone.
/// </summary>
public static class Totp
{
    private const string Base32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public static string Code(string base32Key) => Code(base32Key, DateTimeOffset.UtcNow);

    public static string Code(string base32Key, DateTimeOffset at) => CodeForStep(base32Key, at.ToUnixTimeSeconds() / 30);

    /// <summary>A code that no step near <paramref name="at"/> gives, i.e. a wrong code whatever the server's tolerance for clock drift.</summary>
    public static string WrongCode(string base32Key, DateTimeOffset at)
    {
        var step = at.ToUnixTimeSeconds() / 30;
        var nearby = Enumerable.Range(-3, 7).Select(offset => CodeForStep(base32Key, step + offset)).ToHashSet();
        return Enumerable.Range(0, 1_000_000).Select(n => n.ToString("D6")).First(code => !nearby.Contains(code));
    }

    private static string CodeForStep(string base32Key, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        var hash = HMACSHA1.HashData(Base32Decode(base32Key), counter);

        // Dynamic truncation (RFC 4226 §5.3).
        var offset = hash[^1] & 0x0F;
        var binary = (BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset, 4)) & 0x7FFF_FFFF) % 1_000_000;
        return binary.ToString("D6");
    }

    private static byte[] Base32Decode(string text)
    {
        var clean = text.Replace(" ", string.Empty).TrimEnd('=').ToUpperInvariant();
        var bytes = new List<byte>(clean.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in clean)
        {
            var value = Base32Alphabet.IndexOf(c);
            if (value < 0)
            {
                throw new FormatException($"'{c}' is not a base32 letter.");
            }

            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }

        return [.. bytes];
    }
}
