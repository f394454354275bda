# Builds and runs the API on its embedded default: SQLite in /app/data, in-memory Hangfire, the embedded token
# server. Mount /app/data to keep the database; set Database__Provider=SqlServer and Database__ConnectionString
# for production, and TokenServer__SigningCertificatePath when more than one instance runs.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/Platform.Api/Platform.Api.csproj src/Platform.Api/
RUN dotnet restore src/Platform.Api/Platform.Api.csproj
COPY migrations/ migrations/
COPY src/ src/
RUN dotnet publish src/Platform.Api/Platform.Api.csproj -c Release --no-restore -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
RUN mkdir -p /app/data && chown -R app:app /app/data
USER app
ENV ASPNETCORE_HTTP_PORTS=8080 \
    Database__Provider=Sqlite \
    Database__ConnectionString="Data Source=/app/data/platform.db"
EXPOSE 8080
VOLUME ["/app/data"]
ENTRYPOINT ["dotnet", "Platform.Api.dll"]
