# sitrep for containers: `sitrep serve` by default, `sitrep worker` with that command.
# Build: docker build -t sitrep .
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --ignore-scripts && npm rebuild better-sqlite3
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
WORKDIR /opt/sitrep
ENV NODE_ENV=production SITREP_HOST=0.0.0.0 SITREP_DATA_DIR=/var/lib/sitrep
RUN useradd --system --home /var/lib/sitrep sitrep && mkdir -p /var/lib/sitrep && chown sitrep /var/lib/sitrep
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/bin ./bin
COPY --from=build /app/models ./models
USER sitrep
EXPOSE 8080
ENTRYPOINT ["node", "bin/sitrep.js"]
CMD ["serve"]
