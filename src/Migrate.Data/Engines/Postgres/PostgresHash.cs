using System.Buffers.Binary;
using System.Numerics;

namespace Migrate.Data.Engines.Postgres;

/// <summary>
/// PostgreSQL's own seeded 64-bit hashes, computed here so that a loaded table can be verified by
/// the server hashing its rows (<see cref="PostgresRowHash"/>) instead of sending every value back.
/// Bob Jenkins' lookup3 as PostgreSQL applies it (<c>hash_bytes_extended</c>: a non-zero seed mixed
/// in first as a 12-byte block, the words read little-endian, the final mix always run, b and c
/// returned as the high and low halves) and the integer folding that makes int2, int4 and int8 hash
/// alike. Tests compare every function with a real server.
/// </summary>
public static class PostgresHash
{
    private const uint Golden = 0x9e3779b9 + 3923095;

    /// <summary>hashtextextended / hash_bytes_extended of the bytes (text and varchar under a deterministic collation).</summary>
    public static ulong Bytes(ReadOnlySpan<byte> key, ulong seed = 0)
    {
        uint a, b, c;
        a = b = c = Golden + (uint)key.Length;
        Seed(ref a, ref b, ref c, seed);
        while (key.Length >= 12)
        {
            a += BinaryPrimitives.ReadUInt32LittleEndian(key);
            b += BinaryPrimitives.ReadUInt32LittleEndian(key[4..]);
            c += BinaryPrimitives.ReadUInt32LittleEndian(key[8..]);
            Mix(ref a, ref b, ref c);
            key = key[12..];
        }
        // The last 0–11 bytes, each at its little-endian place in a, b or c; c's lowest byte stays free.
        switch (key.Length)
        {
            case 11: c += (uint)key[10] << 24; goto case 10;
            case 10: c += (uint)key[9] << 16; goto case 9;
            case 9: c += (uint)key[8] << 8; goto case 8;
            case 8: b += (uint)key[7] << 24; goto case 7;
            case 7: b += (uint)key[6] << 16; goto case 6;
            case 6: b += (uint)key[5] << 8; goto case 5;
            case 5: b += key[4]; goto case 4;
            case 4: a += (uint)key[3] << 24; goto case 3;
            case 3: a += (uint)key[2] << 16; goto case 2;
            case 2: a += (uint)key[1] << 8; goto case 1;
            case 1: a += key[0]; break;
        }
        Final(ref a, ref b, ref c);
        return ((ulong)b << 32) | c;
    }

    /// <summary>hash_uint32_extended: int4 and date (its days since 2000-01-01) hash through it.</summary>
    public static ulong UInt32(uint value, ulong seed = 0)
    {
        uint a, b, c;
        a = b = c = Golden + sizeof(uint);
        Seed(ref a, ref b, ref c, seed);
        a += value;
        Final(ref a, ref b, ref c);
        return ((ulong)b << 32) | c;
    }

    /// <summary>hashint8extended, which folds the high half in so that int2, int4 and int8 of one value hash alike.</summary>
    public static ulong Integer(long value, ulong seed = 0)
    {
        var low = (uint)value;
        var high = (uint)(value >> 32);
        low ^= value >= 0 ? high : ~high;
        return UInt32(low, seed);
    }

    /// <summary>The date's hash: hashint4extended of its day number counted from PostgreSQL's epoch, 2000-01-01.</summary>
    public static ulong Date(DateOnly date, ulong seed = 0) => UInt32((uint)PostgresDate.Days(date), seed);

    // "In essence, the seed is treated as part of the data being hashed" (PostgreSQL's hashfn.c): a
    // 12-byte block of its two halves and four zero bytes, skipped for seed 0.
    private static void Seed(ref uint a, ref uint b, ref uint c, ulong seed)
    {
        if (seed == 0) return;
        a += (uint)(seed >> 32);
        b += (uint)seed;
        Mix(ref a, ref b, ref c);
    }

    private static void Mix(ref uint a, ref uint b, ref uint c)
    {
        a -= c; a ^= BitOperations.RotateLeft(c, 4); c += b;
        b -= a; b ^= BitOperations.RotateLeft(a, 6); a += c;
        c -= b; c ^= BitOperations.RotateLeft(b, 8); b += a;
        a -= c; a ^= BitOperations.RotateLeft(c, 16); c += b;
        b -= a; b ^= BitOperations.RotateLeft(a, 19); a += c;
        c -= b; c ^= BitOperations.RotateLeft(b, 4); b += a;
    }

    private static void Final(ref uint a, ref uint b, ref uint c)
    {
        c ^= b; c -= BitOperations.RotateLeft(b, 14);
        a ^= c; a -= BitOperations.RotateLeft(c, 11);
        b ^= a; b -= BitOperations.RotateLeft(a, 25);
        c ^= b; c -= BitOperations.RotateLeft(b, 16);
        a ^= c; a -= BitOperations.RotateLeft(c, 4);
        b ^= a; b -= BitOperations.RotateLeft(a, 14);
        c ^= b; c -= BitOperations.RotateLeft(b, 24);
    }
}
