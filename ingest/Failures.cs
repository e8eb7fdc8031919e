using System.Runtime.ExceptionServices;

namespace Analytics.Ingest;

/// <summary>Threads of one job stop each other with <see cref="OperationCanceledException"/>: the first other exception is the cause.</summary>
internal static class Failures
{
    public static void ThrowCause(IEnumerable<Exception?> errors)
    {
        var list = errors.OfType<Exception>().ToList();
        if ((list.FirstOrDefault(e => e is not OperationCanceledException) ?? list.FirstOrDefault()) is { } cause)
            ExceptionDispatchInfo.Throw(cause);
    }
}
