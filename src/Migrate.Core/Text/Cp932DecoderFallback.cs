using System.Globalization;
using System.Text;

namespace Migrate.Core.Text;

/// <summary>
/// The decoder fallback of the strict CP932 encoding: .NET's table calls it only for the bytes it
/// does not decode, so ordinary text keeps the vectorized fast path. It supplies the Windows-31J
/// duplicate codes (<see cref="Cp932DuplicateCodes"/>) and throws, as the exception fallback does,
/// for every other byte sequence, which really is unassigned.
/// </summary>
internal sealed class Cp932DecoderFallback : DecoderFallback
{
    public override int MaxCharCount => 1;

    public override DecoderFallbackBuffer CreateFallbackBuffer() => new Buffer();

    public override bool Equals(object? obj) => obj is Cp932DecoderFallback;

    public override int GetHashCode() => nameof(Cp932DecoderFallback).GetHashCode(StringComparison.Ordinal);

    private sealed class Buffer : DecoderFallbackBuffer
    {
        private char _char;
        private int _remaining;

        public override int Remaining => _remaining;

        public override bool Fallback(byte[] bytesUnknown, int index)
        {
            if (bytesUnknown is [var lead, var trail] && Cp932DuplicateCodes.Characters.TryGetValue(lead << 8 | trail, out var c))
            {
                _char = c;
                _remaining = 1;
                return true;
            }
            var shown = string.Concat(bytesUnknown.Select(b => "[" + b.ToString("X2", CultureInfo.InvariantCulture) + "]"));
            throw new DecoderFallbackException($"Unable to translate bytes {shown} at index {index} from code page 932 to Unicode.", bytesUnknown, index);
        }

        public override char GetNextChar()
        {
            if (_remaining == 0) return '\0';
            _remaining = 0;
            return _char;
        }

        public override bool MovePrevious()
        {
            if (_remaining != 0) return false;
            _remaining = 1;
            return true;
        }

        public override void Reset() => _remaining = 0;
    }
}
