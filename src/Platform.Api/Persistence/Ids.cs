namespace Platform.Api.Persistence;

/// <summary>
/// Ids are UUID v7: they start with their creation time, so lists in id order are in creation order. Within one
/// millisecond v7 ids are random; this keeps them rising on this instance too (the next id is at least the last + 1).
/// </summary>
public static class Ids
{
    static readonly Lock Gate = new();
    static UInt128 _last;

    public static Guid New(DateTimeOffset at)
    {
        var candidate = ToNumber(Guid.CreateVersion7(at));
        lock (Gate)
        {
            if (candidate <= _last)
                candidate = _last + 1;
            _last = candidate;
        }

        return FromNumber(candidate);
    }

    static UInt128 ToNumber(Guid id)
    {
        var bytes = id.ToByteArray(bigEndian: true);
        return new UInt128(BitConverter.ToUInt64([.. bytes[..8].Reverse()]), BitConverter.ToUInt64([.. bytes[8..].Reverse()]));
    }

    static Guid FromNumber(UInt128 number)
    {
        var upper = BitConverter.GetBytes((ulong)(number >> 64)).Reverse();
        var lower = BitConverter.GetBytes((ulong)number).Reverse();
        return new Guid([.. upper, .. lower], bigEndian: true);
    }
}
