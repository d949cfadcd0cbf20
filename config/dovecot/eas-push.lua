-- Dovecot push_notification Lua driver for eas-server (Dovecot 2.3.19+: dovecot.http, user:plugin_getenv).
-- At the end of each mail transaction it posts the mailboxes that changed, once per event kind and mailbox,
-- to eas-server's webhook (POST /push/dovecot). The URL and the shared secret come from the plugin settings
-- eas_push_url and eas_push_secret (see 91-eas-push.conf); nothing here needs editing.
-- A refused or failed post is logged and dropped: eas-server's safety net finds the change later.

local client = nil

local function json_string(value)
  return '"' .. tostring(value):gsub('[%c"\\]', function(c) return string.format("\\u%04x", c:byte()) end) .. '"'
end

function dovecot_lua_notify_begin_txn(user)
  return { user = user, events = {}, seen = {} }
end

local function add(ctx, event)
  local key = event.name .. "\0" .. tostring(event.mailbox) .. "\0" .. tostring(event.mailbox_old)
  if ctx.seen[key] then return end
  ctx.seen[key] = true
  local item = '{"event":' .. json_string(event.name) .. ',"mailbox":' .. json_string(event.mailbox)
  if event.mailbox_old ~= nil then item = item .. ',"oldMailbox":' .. json_string(event.mailbox_old) end
  table.insert(ctx.events, item .. '}')
end

dovecot_lua_notify_event_message_new = add
dovecot_lua_notify_event_message_append = add
dovecot_lua_notify_event_message_expunge = add
dovecot_lua_notify_event_flags_set = add
dovecot_lua_notify_event_flags_clear = add
dovecot_lua_notify_event_mailbox_create = add
dovecot_lua_notify_event_mailbox_delete = add
dovecot_lua_notify_event_mailbox_rename = add

function dovecot_lua_notify_end_txn(ctx, success)
  if not success or #ctx.events == 0 then return end
  local url = ctx.user:plugin_getenv("eas_push_url")
  local secret = ctx.user:plugin_getenv("eas_push_secret")
  if url == nil or url == "" then return end
  if client == nil then
    local timeout = tonumber(ctx.user:plugin_getenv("eas_push_timeout_msecs")) or 1000
    client = dovecot.http.client { timeout = timeout, max_attempts = 1, user_agent = "dovecot-eas-push" }
  end
  local request = client:request { url = url, method = "POST" }
  request:add_header("Content-Type", "application/json")
  request:add_header("X-Eas-Push-Secret", secret or "")
  request:set_payload('{"user":' .. json_string(ctx.user.username) .. ',"events":[' .. table.concat(ctx.events, ",") .. ']}')
  local response = request:submit()
  local status = response:status()
  if status < 200 or status > 299 then
    dovecot.i_warning("eas push to " .. url .. " answered " .. tostring(status) .. " " .. tostring(response:reason()))
  end
end
