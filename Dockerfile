# journeymap serve in a container: Debian 12 and the README's own set-up commands, nothing else.
# `make demo` installs the Debian packages journeymap needs (as root here, no sudo) and builds;
# `make install` puts the binary, library, fonts and styles under /usr/local. The same two
# commands run in every fresh-clone test (tests/cli/install.sh and .ci/run); containers cannot
# be built on the machines this is developed on, so tests/cli/serve_deploy.sh checks that these
# steps stay exactly those commands.
FROM debian:12-slim
RUN apt-get update && apt-get install -y --no-install-recommends make gcc libc6-dev pkg-config ca-certificates \
    && rm -rf /var/lib/apt/lists/*
COPY . /src
WORKDIR /src
RUN apt-get update && make demo && make install PREFIX=/usr/local && rm -rf /var/lib/apt/lists/* out build
ENV XDG_CACHE_HOME=/tmp/cache
USER nobody
EXPOSE 8000
HEALTHCHECK CMD ["sh", "-c", "exec 3<>/dev/tcp/127.0.0.1/8000"]
CMD ["journeymap", "serve", "--listen", "0.0.0.0:8000"]
