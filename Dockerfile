# Vielfalt as a container: `docker compose up` (compose.yaml) runs it with PostgreSQL; without
# DATABASE_URL it keeps the embedded PGlite database in the /data volume.
# Multi-stage: the build stage has npm's cache and the build tools, the runtime stage only the app.

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=3000 \
    HOST=0.0.0.0 \
    DATA_DIR=/data \
    BODY_SIZE_LIMIT=10M
WORKDIR /app
# The CLI (`npx vielfalt backup …`, `user create …`) runs the TypeScript sources through tsx, and
# the server reads the migrations, fonts and Herne's source documents at run time: the image keeps
# the app directory as built, owned by root and read-only for the app's user.
COPY --from=build /app /app
RUN groupadd --system vielfalt && useradd --system --gid vielfalt --home-dir /app --shell /usr/sbin/nologin vielfalt \
 && mkdir -p /data && chown vielfalt:vielfalt /data
USER vielfalt
VOLUME ["/data"]
EXPOSE 3000
# /healthz answers 200 only when the database answers (src/lib/server/app/health.ts).
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "build/index.js"]
