namespace Migrate.Samples;

/// <summary>
/// Which JUMIN.CSV rows carry which seeded defect, and the defect's details. The schedule has its own random
/// stream: each kind recurs once per block of rows (one date.era-out-of-range per 500 rows, …) at a random
/// place in the block, so the rates hold at any size. The details (which column, which impossible date) come
/// from the population's stream, drawn when the row is planned.
/// Persons with any 支援措置 (ended ones too: the support file names them, so they are protected) and test
/// records stay clean: a defect on critical data would stop every run by design.
/// </summary>
internal sealed class DefectPlan
{
    // Defect kinds: indexes into SampleDefectKinds.All.
    public const int EraOutOfRange = 0;
    public const int DateInvalid = 1;
    public const int CodeUnknown = 2;
    public const int CheckMyNumber = 3;
    public const int LengthExceeded = 4;
    public const int EncodingInvalid = 5;
    public const int CsvColumnCount = 6;

    private const string LongNameSyllables =
        "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワンガギグゲゴザジズゼゾダデドバビブベボパピプペポ";

    /// <summary>One defect of each kind per this many rows.</summary>
    private static readonly int[] Blocks = [500, 500, 500, 500, 1000, 5000, 5000];

    private static readonly int[] ThirtyDayMonths = [4, 6, 9, 11];

    private static readonly byte[][] InvalidSequences = [[0x81, 0x20], [0x85, 0x40], [0x82, 0x31]];

    private readonly SampleRandom _r;
    private readonly SampleRandom _schedule;
    private readonly VendorAData _d;
    private readonly int _columnCount;
    private readonly long[] _counts = new long[Blocks.Length];
    private readonly long[] _blockStart = new long[Blocks.Length];
    private readonly long[] _next = new long[Blocks.Length];
    private readonly char[] _longName = new char[160];

    public DefectPlan(int seed, SampleRandom population, VendorAData data, int columnCount)
    {
        _r = population;
        _schedule = new SampleRandom(seed, 2);
        _d = data;
        _columnCount = columnCount;
        for (int k = 0; k < Blocks.Length; k++)
        {
            _next[k] = _schedule.NextLong(Blocks[k]);
        }
    }

    /// <summary>Defects written so far, by kind (indexes into <see cref="SampleDefectKinds.All"/>).</summary>
    public IReadOnlyList<long> Counts => _counts;

    /// <summary>Plans the defect of row number <paramref name="rowIndex"/> (0-based, header excluded) and draws its details.</summary>
    public void Plan(JuminRow row, long rowIndex)
    {
        var p = row.Person;
        int defect = p.Test || p.SupportCount > 0 ? -1 : Take(rowIndex);
        row.Defect = defect;
        switch (defect)
        {
            case EraOutOfRange:
                row.DefectField = _r.Chance(0.5) ? DefectField.Birth : DefectField.Ido;
                row.BadDate = ImpossibleEraDate(row.DefectField == DefectField.Birth);
                break;
            case DateInvalid:
                int y = _r.Next(3);
                row.DefectField = y == 0 ? DefectField.Birth : y == 1 ? DefectField.Ido : DefectField.Jutei;
                row.BadDate = InvalidDate(row.DefectField switch
                {
                    DefectField.Birth => p.Birth,
                    DefectField.Ido => row.Event.Day,
                    _ => p.JuteiDay,
                });
                break;
            case CodeUnknown:
                row.DefectField = _r.Chance(0.5) ? DefectField.Zokugara : DefectField.IdoJiyu;
                break;
            case CsvColumnCount:
                row.DroppedColumn = _r.Between(1, _columnCount - 1);
                break;
            case LengthExceeded:
                row.LongName = LongName();
                break;
            case CheckMyNumber:
                long base11 = p.KojinNo / 10;
                row.BadKojinNo = (base11 * 10) + ((CheckDigits.MyNumber(base11) + _r.Between(1, 9)) % 10);
                break;
            default:
                break; // EncodingInvalid: the memo is corrupted after the row's other draws, see CorruptMemo.
        }
    }

    /// <summary>A plain memo, an invalid CP932 sequence and another memo: the encoding defect.</summary>
    public byte[] CorruptMemo()
    {
        var before = _d.PlainMemos[_r.Next(_d.PlainMemos.Length)];
        var invalid = InvalidSequences[_r.Next(InvalidSequences.Length)];
        var after = _d.PlainMemos[_r.Next(_d.PlainMemos.Length)];
        return [.. before, .. invalid, .. after];
    }

    /// <summary>Counts the row's defect once it is written.</summary>
    public void Written(JuminRow row)
    {
        if (row.Defect >= 0)
        {
            _counts[row.Defect]++;
        }
    }

    private int Take(long row)
    {
        for (int k = 0; k < Blocks.Length; k++)
        {
            if (_next[k] <= row)
            {
                _blockStart[k] += Blocks[k];
                _next[k] = Math.Max(_blockStart[k] + _schedule.NextLong(Blocks[k]), row + 1);
                return k;
            }
        }

        return -1;
    }

    /// <summary>A real calendar day written in an era that had already ended (or not yet begun) on that day.</summary>
    private (int, int, int, int) ImpossibleEraDate(bool birth)
    {
        switch (_r.Next(birth ? 9 : 6))
        {
            case 0: return (3, 64, _r.Between(2, 12), _r.Between(1, 28)); // 昭和64年2月以降
            case 1: return (3, 64, 1, _r.Between(8, 31)); // 昭和64年1月8日以降
            case 2: return (4, 31, _r.Between(5, 12), _r.Between(1, 28)); // 平成31年5月以降
            case 3: return (4, _r.Between(32, 40), _r.Between(1, 12), _r.Between(1, 28)); // 平成32年以降
            case 4: return (5, 1, _r.Between(1, 4), _r.Between(1, 28)); // 令和元年5月より前
            case 5: return (4, 1, 1, _r.Between(1, 7)); // 平成元年1月7日以前
            case 6: return (2, 15, 12, _r.Between(26, 31)); // 大正15年12月26日以降
            case 7: return (1, 45, _r.Between(8, 12), _r.Between(1, 28)); // 明治45年8月以降
            default: return (2, _r.Between(16, 20), _r.Between(1, 12), _r.Between(1, 28)); // 大正16年以降
        }
    }

    /// <summary>A date in a plausible era and year whose month or day does not exist (Feb 30, month 13, …).</summary>
    private (int, int, int, int) InvalidDate(int around)
    {
        var date = DateOnly.FromDayNumber(around);
        var (era, year) = Wareki.Of(around, date.Year);
        if (year == 1 || (era == 1 && year >= 45) || (era == 2 && year >= 15) || (era == 3 && year >= 64) || (era == 4 && year >= 31))
        {
            year = era == 5 ? 3 : 10;
        }

        return _r.Next(4) switch
        {
            // 2月30日 and 4月31日 are 暦上日以外, which 生年月日, 住定日 and 異動年月日 keep (1.1.8): days past 31 are not.
            0 => (era, year, 2, _r.Between(32, 33)),
            1 => (era, year, _r.Between(13, 19), date.Day),
            2 => (era, year, ThirtyDayMonths[_r.Next(ThirtyDayMonths.Length)], 32),
            _ => (era, year, date.Month, _r.Between(32, 39)),
        };
    }

    /// <summary>A long katakana "name" of 101–130 characters (the standard allows 100).</summary>
    private byte[] LongName()
    {
        int target = _r.Between(101, 130);
        int n = 0;
        while (n < target)
        {
            if (n > 0)
            {
                _longName[n++] = '　';
            }

            int word = _r.Between(3, 8);
            for (int i = 0; i < word && n < target; i++)
            {
                _longName[n++] = LongNameSyllables[_r.Next(LongNameSyllables.Length)];
            }
        }

        if (_longName[n - 1] == '　')
        {
            _longName[n - 1] = 'ン';
        }

        return Cp932.Strict.GetBytes(_longName, 0, n);
    }
}
