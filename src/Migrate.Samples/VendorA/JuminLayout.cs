using System.Globalization;

namespace Migrate.Samples;

/// <summary>
/// JUMIN.CSV as vendor A writes it (mappings/vendors/vendor-a/juki.yaml, source <c>jumin</c>): one full-snapshot
/// row per person and 履歴番号, 35 columns, CP932, 1-digit era dates (GYYMMDD). A column the legacy system
/// started filling on some day stays empty in older history rows; the seeded defects replace single values.
/// </summary>
internal sealed class JuminLayout : CsvLayout<JuminRow>
{
    private static readonly VendorAData D = VendorAData.Instance;

    private static readonly byte[][] EventCodes = [.. Enum.GetNames<LifeEventKind>().Select(Cp932.Encode)];

    private static readonly byte[][] ZokugaraCodes =
        [.. Enumerable.Range(0, 16).Select(i => Cp932.Encode(i.ToString("00", CultureInfo.InvariantCulture)))];

    private static readonly byte[] UnknownZokugara = Cp932.Encode("77");
    private static readonly byte[] UnknownIdoJiyu = Cp932.Encode("Z9");
    private static readonly byte[] ShichosonCode = Cp932.Encode("131016");

    private JuminLayout()
        : base(
            Digits("ATENA_NO", 10, r => r.Person.Atena),
            Number("RIREKI_NO", r => r.Rireki),
            Digits("SETAI_NO", 10, r => r.Person.Setai),
            Bytes("SHIMEI", r => r.LongName ?? r.Person.Shimei),
            Bytes("KANA_SHIMEI", r => r.Person.Kana), // half-width katakana
            Bytes("KYUUJI", r => r.Event.Day >= VendorACalendar.KyuujiFrom ? r.Person.Kyuuji : null),
            Custom("SEINENGAPPI", (w, r) =>
            {
                if (!BadDate(w, r, DefectField.Birth))
                {
                    BirthDate.Write(w, r.Person);
                }
            }),
            Code("SEIBETSU", r => r.Person.Sex),
            Bytes("ZOKUGARA", r => r.DefectField == DefectField.Zokugara ? UnknownZokugara : ZokugaraCodes[r.Person.Zokugara]),
            Code("JUMIN_SHUBETSU", r => r.Person.Foreign ? (byte)'G' : (byte)'J'),
            Code("JUMIN_JOTAI", r => (byte)('0' + r.Jotai)),
            EraDate("JUMIN_YMD", r => r.Person.JuminDay),
            Custom("JUTEI_YMD", (w, r) =>
            {
                if (!BadDate(w, r, DefectField.Jutei))
                {
                    Wareki.Write(w, r.Person.JuteiDay);
                }
            }),
            Bytes("SHICHOSON_CD", _ => ShichosonCode),
            Custom("JUSHO", Jusho),
            Custom("KATAGAKI", Katagaki),
            Bytes("YUBIN", r => D.Towns[r.Person.Town].Yubin),
            Custom("TENNYU_MAE", TennyuMae),
            Custom("HONSEKI", Honseki),
            Bytes("HITTOSHA", r => r.Person.Hittosha),
            Custom("KOJIN_NO", KojinNo),
            Custom("JUKI_CODE", (w, r) =>
            {
                if (r.Event.Day >= VendorACalendar.JukiCodeFrom || r.Current)
                {
                    w.Digits(r.Person.JukiCode, 11);
                }
            }),
            Bytes("IDO_JIYU", r => r.DefectField == DefectField.IdoJiyu ? UnknownIdoJiyu : EventCodes[(int)r.Event.Kind]),
            Custom("IDO_YMD", (w, r) =>
            {
                if (BadDate(w, r, DefectField.Ido))
                {
                    return;
                }

                if (r.IdoLetter)
                {
                    Wareki.WriteLetter(w, r.Event.Day);
                }
                else
                {
                    Wareki.Write(w, r.Event.Day);
                }
            }),
            EraDate("TODOKEDE_YMD", r => r.TodokedeDay),
            Custom("SHIEN_FLG", ShienFlag),
            // 外国人住民 only.
            Bytes("ALPHA_NAME", r => r.Person.Foreign ? r.Person.Alpha : null),
            Bytes("TSUSHO", r => r.Person.Foreign ? r.Person.Tsusho : null),
            Bytes("KOKUSEKI", r => r.Person.Nationality?.Code),
            Bytes("ZAIRYU_SHIKAKU", r => r.Person.Status?.Name),
            Bytes("ZAIRYU_KIKAN", r => r.Person.Status is { Months.Length: > 0 } s ? s.PeriodText[r.Person.PeriodIndex] : null),
            GregorianDate("ZAIRYU_MANRYO", r => r.Person.Manryo),
            Bytes("ZAIRYU_CARD", r => r.Person.Foreign ? r.Person.Card : null),
            // The vendor's customizations: a free-text memo and a district flag.
            Bytes("MEMO", r => r.Memo),
            Code("CHIIKI_FLG", r => r.Person.Chiiki ? (byte)'1' : (byte)'0'))
    {
    }

    public static JuminLayout Instance { get; } = new();

    /// <summary>Writes the deliberately bad date when the row's defect sits in this field; false when it does not.</summary>
    private static bool BadDate(CsvByteWriter w, JuminRow r, DefectField field)
    {
        if (r.DefectField != field)
        {
            return false;
        }

        var bad = r.BadDate;
        Wareki.WriteParts(w, bad.Era, bad.Year, bad.Month, bad.Day);
        return true;
    }

    /// <summary>東京都千代田区 + town + １丁目２番３号 (or ４５番地６ in towns without 丁目), full-width digits.</summary>
    private static void Jusho(CsvByteWriter w, JuminRow r)
    {
        var p = r.Person;
        var town = D.Towns[p.Town];
        w.Raw(D.JushoPrefix);
        w.Raw(town.Name);
        if (town.MaxChome > 0)
        {
            w.FullWidthNumber(p.Chome);
            w.Raw(D.Chome);
            w.FullWidthNumber(p.Ban);
            w.Raw(D.Ban);
            w.FullWidthNumber(p.Go);
            w.Raw(D.Go);
        }
        else
        {
            w.FullWidthNumber(p.Ban);
            w.Raw(D.Banchi);
            if (p.Go > 0)
            {
                w.FullWidthNumber(p.Go);
            }
        }
    }

    /// <summary>方書: building name and room (１０２号室).</summary>
    private static void Katagaki(CsvByteWriter w, JuminRow r)
    {
        var p = r.Person;
        if (p.Apartment >= 0)
        {
            w.Raw(D.Apartments[p.Apartment]);
            w.FullWidthNumber(p.Room);
            w.Raw(D.Goshitsu);
        }
    }

    /// <summary>転入前住所: the country for arrivals from abroad, else another municipality's address.</summary>
    private static void TennyuMae(CsvByteWriter w, JuminRow r)
    {
        var p = r.Person;
        if (p.TennyuCountry is not null)
        {
            w.Raw(p.TennyuCountry);
        }
        else if (p.Tennyu is not null)
        {
            w.Raw(p.Tennyu.Prefix);
            if (p.Tennyu.HasChome)
            {
                w.FullWidthNumber(p.TennyuA);
                w.Raw(D.Chome);
                w.FullWidthNumber(p.TennyuB);
                w.Raw(D.Ban);
                w.FullWidthNumber(p.TennyuC);
                w.Raw(D.Go);
            }
            else
            {
                w.FullWidthNumber(p.TennyuB * 10);
                w.Raw(D.Banchi);
            }
        }
    }

    private static void Honseki(CsvByteWriter w, JuminRow r)
    {
        var p = r.Person;
        if (p.Honseki is not null)
        {
            w.Raw(p.Honseki.Prefix);
            w.FullWidthNumber(p.HonsekiBan);
            w.Raw(D.Banchi);
        }
    }

    /// <summary>個人番号 from its start (2015-10-05) and on a current resident's latest row; or the check-digit defect.</summary>
    private static void KojinNo(CsvByteWriter w, JuminRow r)
    {
        if (r.Defect == DefectPlan.CheckMyNumber)
        {
            w.Digits(r.BadKojinNo, 12);
        }
        else if (r.Event.Day >= VendorACalendar.MyNumberFrom || r.Current)
        {
            w.Digits(r.Person.KojinNo, 12);
        }
    }

    /// <summary>支援措置 flag: 1 while a measure is active (and on the latest row), 0 since the column exists, else empty.</summary>
    private static void ShienFlag(CsvByteWriter w, JuminRow r)
    {
        var p = r.Person;
        if (p.SupportActive && (r.Event.Day >= p.SupportActiveFrom || r.Last))
        {
            w.Byte((byte)'1');
        }
        else if (r.Event.Day >= VendorACalendar.ShienFlagColumnFrom)
        {
            w.Byte((byte)'0');
        }
    }
}
