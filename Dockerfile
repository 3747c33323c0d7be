# journeymap in a container: `docker build -t journeymap .`, then
#   docker run --rm -v "$PWD:/maps" journeymap check --deny-warnings .
#   docker run --rm -v "$PWD:/maps" journeymap render . -o out --format svg,png,pdf
# The image runs journeymap as its entrypoint, in /maps, as an unprivileged user.

# Build: the toolchain the crate is tested with, from the lock file.
FROM rust:1.95-slim-bookworm AS build
WORKDIR /src
COPY Cargo.toml Cargo.lock ./
COPY assets assets
COPY benches benches
COPY examples examples
COPY grammar grammar
COPY src src
RUN cargo build --release --locked --bin journeymap \
 && strip target/release/journeymap

# Run: Debian slim and the binary. Fonts are embedded in it, so the image needs none.
FROM debian:bookworm-slim
COPY --from=build /src/target/release/journeymap /usr/local/bin/journeymap
RUN useradd --create-home --uid 10001 journeymap
USER journeymap
WORKDIR /maps
ENTRYPOINT ["journeymap"]
CMD ["--help"]
