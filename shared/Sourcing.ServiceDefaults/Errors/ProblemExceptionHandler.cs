using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;
using Sourcing.ServiceDefaults.Validation;

namespace Sourcing.ServiceDefaults.Errors;

/// <summary>
/// Turns every exception into ProblemDetails: bad requests (malformed JSON, a wrong content type,
/// an oversized body) keep their 4xx status and name the field; a write that lost a race with another
/// is 409; anything else is a 500 that says nothing of the internals.
/// </summary>
internal sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails problem;
        if (exception is BadHttpRequestException bad)
        {
            problem = FromBadRequest(bad);
        }
        else if (exception is OperationCanceledException && context.RequestAborted.IsCancellationRequested)
        {
            return true;
        }
        else if (IsDatabaseUnavailable(exception))
        {
            // The database is restarting or unreachable: nothing was written (the request's transaction did not
            // commit), and the same request will work once it is back; readiness reports the outage meanwhile.
            LogDatabaseUnavailable(logger, context.Request.Method, context.Request.Path, exception.GetBaseException().Message);
            context.Response.Headers.RetryAfter = DatabaseRetryAfterSeconds;
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The service's database is unavailable.",
                Detail = $"Nothing was changed. Try again in {DatabaseRetryAfterSeconds} seconds.",
            };
        }
        else if (IsLostRace(exception))
        {
            // Its transaction is rolled back (TenantTransactionFilter): the request changed nothing, and may be sent again.
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Another request changed the same data at the same time.",
                Detail = "Nothing was saved. Read the current state again and retry.",
            };
        }
        else
        {
            LogUnhandled(logger, exception, context.Request.Method, context.Request.Path);
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = "An unexpected error occurred.",
            };
        }

        context.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private const string DatabaseRetryAfterSeconds = "5";

    /// <summary>
    /// A failure to reach PostgreSQL, or PostgreSQL going away (connection refused or reset, shutting down, not
    /// accepting connections yet): Npgsql marks these transient. Found anywhere in the chain, as EF Core wraps them.
    /// </summary>
    internal static bool IsDatabaseUnavailable(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case PostgresException postgres:
                    // Class 08 (connection exception) and 57P01-57P03 (admin, crash shutdown; cannot connect now).
                    return postgres.SqlState.StartsWith("08", StringComparison.Ordinal) || postgres.SqlState is "57P01" or "57P02" or "57P03";
                case NpgsqlException npgsql when npgsql.IsTransient:
                    return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A write that lost to a concurrent one: the row it updates changed under it (a concurrency token)
    /// or the row it inserts was inserted by the other first (a unique key, as when two requests put the
    /// same new resource at once). Not the client's fault and not the server's: 409, never 500.
    /// </summary>
    internal static bool IsLostRace(Exception exception) =>
        exception is DbUpdateConcurrencyException
        || exception is DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } };

    private static HttpValidationProblemDetails FromBadRequest(BadHttpRequestException bad)
    {
        var status = bad.StatusCode;
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        string title;
        switch (status)
        {
            case StatusCodes.Status413PayloadTooLarge:
                title = "The request body is too large.";
                errors["body"] = ["is larger than this endpoint accepts."];
                break;
            case StatusCodes.Status415UnsupportedMediaType:
                title = "The request's content type is not supported.";
                errors["Content-Type"] = ["must be application/json."];
                break;
            default:
                title = "The request is not valid.";
                var json = FindJsonException(bad);
                if (json is InputRuleException rule)
                {
                    var at = JsonPathToField(json.Path);
                    errors[rule.Property is null ? at : at == "body" ? rule.Property : $"{at}.{rule.Property}"] = [rule.Rule];
                }
                else if (json is not null)
                {
                    var field = JsonPathToField(json.Path);
                    errors[field] = [$"is not valid JSON for this field ({FirstSentence(json.Message)})"];
                }
                else if (BindingFailure(bad.Message) is { } failure)
                {
                    errors[failure.Field] = [failure.Rule];
                }
                else if (bad.Message.Contains("was not provided", StringComparison.Ordinal))
                {
                    errors["body"] = ["is required: send a JSON object."];
                }
                else
                {
                    errors["request"] = [bad.Message];
                }

                break;
        }

        return new HttpValidationProblemDetails(errors) { Status = status, Title = title };
    }

    /// <summary>
    /// A query, route or header value that does not convert to its parameter's type ("Failed to bind
    /// parameter \"bool? dryRun\" from \"maybe\".") as the parameter's name and the rule it broke.
    /// </summary>
    internal static (string Field, string Rule)? BindingFailure(string message)
    {
        var match = BindingFailed().Match(message);
        return match.Success
            ? (QueryName(match.Groups["name"].Value), $"'{match.Groups["value"].Value}' is not a valid {match.Groups["type"].Value.TrimEnd('?')}.")
            : null;
    }

    /// <summary>
    /// The name a client sends: a property of an <c>[AsParameters]</c> record is named in C#
    /// (<c>ProviderId</c>), the query parameter in camelCase (<c>providerId</c>).
    /// </summary>
    private static string QueryName(string name) => name.Length > 0 && char.IsUpper(name[0]) ? char.ToLowerInvariant(name[0]) + name[1..] : name;

    [GeneratedRegex("""^Failed to bind parameter "(?<type>.+) (?<name>[^ "]+)" from "(?<value>.*)"\.$""", RegexOptions.Singleline)]
    private static partial Regex BindingFailed();

    private static JsonException? FindJsonException(Exception exception)
    {
        for (var e = exception.InnerException; e is not null; e = e.InnerException)
        {
            if (e is JsonException json)
            {
                return json;
            }
        }

        return null;
    }

    /// <summary>"$.riskWeights.quality" → "riskWeights.quality"; "$" → "body".</summary>
    internal static string JsonPathToField(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return "body";
        }

        return path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? message[..(end + 1)] : message;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database unavailable on {Method} {Path}: {Reason}; answered 503")]
    private static partial void LogDatabaseUnavailable(ILogger logger, string method, string path, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception on {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path);
}
