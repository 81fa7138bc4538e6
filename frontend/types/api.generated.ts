/**
 * Generated from the backend's OpenAPI by openapi-typescript; do not edit.
 * `make contract` regenerates it, and `make test` fails while it is out of date.
 */

export interface paths {
    "/api/assets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upload Asset
         * @description Upload a product photo (cut out from its background) or a logo: PNG, JPEG or WebP.
         */
        post: operations["upload_asset_api_assets_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Login
         * @description An access token for an email and password (401 `sign_in_failed` for either wrong).
         */
        post: operations["login_api_auth_login_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Me
         * @description Who the bearer token belongs to.
         */
        get: operations["me_api_auth_me_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Register
         * @description A new account, signed in at once.
         */
        post: operations["register_api_auth_register_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Tokens
         * @description Your API tokens, oldest first, without the tokens themselves.
         */
        get: operations["list_tokens_api_auth_tokens_get"];
        put?: never;
        /**
         * Create Token
         * @description A new API token (`reelsmith --token`, `REELSMITH_TOKEN`), shown this once.
         */
        post: operations["create_token_api_auth_tokens_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/tokens/{token_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke Token
         * @description Revoke an API token: requests made with it are refused from now on.
         */
        delete: operations["revoke_token_api_auth_tokens__token_id__delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/config": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Studio Config
         * @description The storyboard rules (length, steps, scene bounds, crossfade, frame rate), the brief
         *     fields a complete brief fills, the formats an ad can be made in, and whether accounts are
         *     on (then the studio shows its sign-in page first).
         */
        get: operations["studio_config_api_config_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/director/brief": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Brief
         * @description The creative brief the conversation has settled so far, with what is still missing.
         */
        post: operations["brief_api_director_brief_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/director/chat": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Chat
         * @description The director's next turn, streamed in the AI SDK's UI message stream protocol.
         */
        post: operations["chat_api_director_chat_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/jobs/{job_id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Job Events
         * @description Any job's status (as `GET /api/status/{job_id}` answers it) whenever it changes, a few
         *     times a second at most, ending with the finished job; a comment every 15 s keeps proxies
         *     from closing a quiet stream.
         */
        get: operations["job_events_api_jobs__job_id__events_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/moods/generate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Generate Moods
         * @description Three visual moods for the brief, four reference images each.
         */
        post: operations["generate_moods_api_moods_generate_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Projects
         * @description Every project, newest first, each with a thumbnail.
         */
        get: operations["list_projects_api_projects_get"];
        put?: never;
        /**
         * Create Project
         * @description A new project: a name (default "Untitled project") and any work the studio already has.
         */
        post: operations["create_project_api_projects_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read Project
         * @description The whole project: chat, brief, every mood set shown, the plan, seeds, clips and ads.
         */
        get: operations["read_project_api_projects__project_id__get"];
        put?: never;
        post?: never;
        /**
         * Delete Project
         * @description Delete the project and its media, except files another project also holds.
         */
        delete: operations["delete_project_api_projects__project_id__delete"];
        options?: never;
        head?: never;
        /**
         * Update Project
         * @description Rename, or save work: only the fields sent change.
         */
        patch: operations["update_project_api_projects__project_id__patch"];
        trace?: never;
    };
    "/api/projects/{project_id}/duplicate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Duplicate Project
         * @description A copy with the same work and ads, named "… (copy)"; the media is shared.
         */
        post: operations["duplicate_project_api_projects__project_id__duplicate_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/scenes/plan": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Plan Scenes
         * @description A storyboard of 5–7 scenes whose durations sum to 30 s.
         */
        post: operations["plan_scenes_api_scenes_plan_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/scenes/seeds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Generate Seeds
         * @description A 1080×1920 seed image for every scene, in the mood's style.
         */
        post: operations["generate_seeds_api_scenes_seeds_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/scenes/seeds/{scene_number}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Regenerate Seed
         * @description A new seed image for one scene, leaving every other scene as it is.
         */
        post: operations["regenerate_seed_api_scenes_seeds__scene_number__post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/status/{job_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Job Status
         * @description Any job of yours, clip rendering or composition.
         */
        get: operations["job_status_api_status__job_id__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/video/compose": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Compose Video
         * @description Start composing the final ad from finished clips, with generated music.
         */
        post: operations["compose_video_api_video_compose_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/video/compose/estimate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Estimate Compose
         * @description What composing this request would cost (music, and the voice when it speaks).
         */
        post: operations["estimate_compose_api_video_compose_estimate_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/video/compose/status/{job_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Compose Status
         * @description Progress of a composition job, and the final video once it is done.
         */
        get: operations["compose_status_api_video_compose_status__job_id__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/video/estimate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Estimate Cost
         * @description What rendering these scenes' clips, then composing the ad (music, and the voice when a
         *     line is spoken), would cost with the configured providers; and today's budget.
         */
        post: operations["estimate_cost_api_video_estimate_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/video/generate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Generate Video
         * @description Start rendering one clip per scene; poll the status endpoint with the job id (or follow
         *     `/api/jobs/{job_id}/events`). 402 when its estimate is past the daily budget.
         */
        post: operations["generate_video_api_video_generate_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/video/generate/{job_id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Retry Clips
         * @description Render chosen (default: failed) clips again in a new job that keeps the finished ones.
         */
        post: operations["retry_clips_api_video_generate__job_id__retry_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/video/status/{job_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Video Status
         * @description Progress of a clip job, clip by clip.
         */
        get: operations["video_status_api_video_status__job_id__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/voices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Voices
         * @description Every voice of the server's voice provider, then `none`, and the default one.
         */
        get: operations["list_voices_api_voices_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/voices/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Preview Voice
         * @description A short sentence said by one voice, as a WAV in our media store (kept: asked again, it
         *     is the same file, not spoken twice).
         */
        post: operations["preview_voice_api_voices_preview_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Health
         * @description Liveness, and which provider serves each capability.
         */
        get: operations["health_health_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/media/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Media
         * @description A stored asset; supports range requests so browsers can seek in videos.
         */
        get: operations["media_media__key__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        /**
         * Media Head
         * @description The headers `GET` sends for a stored asset (type, length, ETag), without its bytes.
         */
        head: operations["media_head"];
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * Ad
         * @description One ad composed for the project, as its compose job finished.
         */
        Ad: {
            /** Ad Id */
            ad_id: string;
            /** Audio Url */
            audio_url?: string | null;
            /** Captions Srt Url */
            captions_srt_url?: string | null;
            /** Captions Url */
            captions_url?: string | null;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Duration */
            duration?: number | null;
            /**
             * Estimated Usd
             * @default 0
             */
            estimated_usd?: number;
            /** Final Video Url */
            final_video_url: string;
            /** Final Videos */
            final_videos?: {
                [key: string]: string;
            };
            /** Job Id */
            job_id: string | null;
            /** Poster Url */
            poster_url?: string | null;
        };
        /** ApiTokenCreate */
        ApiTokenCreate: {
            /**
             * Name
             * @default API token
             */
            name?: string;
        };
        /** ApiTokenCreated */
        ApiTokenCreated: {
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Last Used At */
            last_used_at: string | null;
            /** Name */
            name: string;
            /** Prefix */
            prefix: string;
            /** Token */
            token: string;
            /** Token Id */
            token_id: string;
        };
        /** ApiTokenInfo */
        ApiTokenInfo: {
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Last Used At */
            last_used_at: string | null;
            /** Name */
            name: string;
            /** Prefix */
            prefix: string;
            /** Token Id */
            token_id: string;
        };
        /** ApiTokenList */
        ApiTokenList: {
            /** Tokens */
            tokens: components["schemas"]["ApiTokenInfo"][];
        };
        /** AssetResponse */
        AssetResponse: {
            /** Asset Id */
            asset_id: string;
            /** Cutout Url */
            cutout_url: string | null;
            /** Has Alpha */
            has_alpha: boolean;
            /** Height */
            height: number;
            /** Url */
            url: string;
            /** Width */
            width: number;
        };
        /** Body_upload_asset_api_assets_post */
        Body_upload_asset_api_assets_post: {
            /** File */
            file: string;
            /**
             * Kind
             * @enum {string}
             */
            kind: "product" | "logo";
        };
        /**
         * Brand
         * @description How the brand looks, when the marketer says: every field optional.
         */
        Brand: {
            /** Colors */
            colors?: string[];
            /** Font */
            font?: ("DejaVu Sans" | "DejaVu Sans Bold" | "DejaVu Serif") | null;
            /** Logo Url */
            logo_url?: string | null;
        };
        /**
         * BriefFields
         * @description A brief as it takes shape: every field may still be empty.
         */
        BriefFields: {
            brand?: components["schemas"]["Brand"] | null;
            /**
             * Call To Action
             * @default
             */
            call_to_action?: string;
            /** Emotional Tone */
            emotional_tone?: string[];
            /** Key Messages */
            key_messages?: string[];
            /**
             * Product Description
             * @default
             */
            product_description?: string;
            /** Product Images */
            product_images?: string[];
            /**
             * Product Name
             * @default
             */
            product_name?: string;
            /**
             * Target Audience
             * @default
             */
            target_audience?: string;
            /** Visual Style Keywords */
            visual_style_keywords?: string[];
        };
        /**
         * BriefRequest
         * @example {
         *       "messages": [
         *         {
         *           "id": "m1",
         *           "parts": [
         *             {
         *               "text": "I need an ad for a serum called Glow Drops.",
         *               "type": "text"
         *             }
         *           ],
         *           "role": "user"
         *         }
         *       ]
         *     }
         */
        BriefRequest: {
            creative_brief?: components["schemas"]["BriefFields"] | null;
            /** Messages */
            messages: components["schemas"]["UIMessage"][];
        };
        /** BriefRules */
        BriefRules: {
            /** Required Fields */
            required_fields: ("product_name" | "target_audience" | "emotional_tone" | "visual_style_keywords" | "key_messages")[];
        };
        /**
         * BriefSynthesis
         * @description What the director made of a conversation so far.
         */
        BriefSynthesis: {
            /** Complete */
            complete: boolean;
            creative_brief: components["schemas"]["BriefFields"];
            /** Missing Fields */
            missing_fields: ("product_name" | "target_audience" | "emotional_tone" | "visual_style_keywords" | "key_messages")[];
        };
        /**
         * BudgetStatus
         * @description The user's daily provider-spend budget as it stands now.
         */
        BudgetStatus: {
            /** Daily Usd */
            daily_usd: number;
            /** Remaining Usd */
            remaining_usd: number | null;
            /**
             * Resets At
             * Format: date-time
             */
            resets_at: string;
            /** Spent Usd */
            spent_usd: number;
        };
        /**
         * CameraMove
         * @description How the camera moves over a scene's seed image when it becomes a clip.
         * @enum {string}
         */
        CameraMove: "push_in" | "pull_out" | "pan_left" | "pan_right" | "rise" | "descend";
        /**
         * ChatRequest
         * @description The body `useChat` posts: `{id, messages, trigger, ...}`.
         * @example {
         *       "id": "chat-1",
         *       "messages": [
         *         {
         *           "id": "m1",
         *           "parts": [
         *             {
         *               "text": "I need an ad for a serum called Glow Drops.",
         *               "type": "text"
         *             }
         *           ],
         *           "role": "user"
         *         }
         *       ]
         *     }
         */
        ChatRequest: {
            creative_brief?: components["schemas"]["BriefFields"] | null;
            /** Id */
            id?: string | null;
            /** Messages */
            messages: components["schemas"]["UIMessage"][];
        } & {
            [key: string]: unknown;
        };
        /** Clip */
        "Clip-Input": {
            /** Duration */
            duration?: number | null;
            error?: components["schemas"]["ErrorInfo"] | null;
            /** Scene Number */
            scene_number: number;
            status: components["schemas"]["JobStatus"];
            /** Video Url */
            video_url?: string | null;
        };
        /** Clip */
        "Clip-Output": {
            /** Duration */
            duration?: number | null;
            error?: components["schemas"]["ErrorInfo"] | null;
            /** Scene Number */
            scene_number: number;
            status: components["schemas"]["JobStatus"];
            /** Video Url */
            video_url?: string | null;
        };
        /**
         * ComposeClip
         * @description A finished clip handed to composition; `status` and `duration` pass through from status.
         */
        ComposeClip: {
            /** Duration */
            duration?: number | null;
            /**
             * On Screen Text
             * @default
             */
            on_screen_text?: string;
            /** Scene Number */
            scene_number: number;
            /** @default complete */
            status?: components["schemas"]["JobStatus"];
            /** Video Url */
            video_url: string;
            /**
             * Voiceover
             * @default
             */
            voiceover?: string;
        };
        /** ComposeRequest */
        ComposeRequest: {
            /**
             * Call To Action
             * @default
             */
            call_to_action?: string;
            /**
             * Captions
             * @default true
             */
            captions?: boolean;
            /** Clips */
            clips: components["schemas"]["ComposeClip"][];
            creative_brief?: components["schemas"]["BriefFields"];
            /** Formats */
            formats?: ("9:16" | "1:1" | "4:5" | "16:9")[];
            mood?: components["schemas"]["MoodStyle"];
            /** Voice */
            voice?: string | null;
        };
        /** ComposeResponse */
        ComposeResponse: {
            /** Job Id */
            job_id: string;
            status: components["schemas"]["JobStatus"];
        };
        /** ComposeStatusResponse */
        ComposeStatusResponse: {
            /** Audio Url */
            audio_url?: string | null;
            /** Captions Srt Url */
            captions_srt_url?: string | null;
            /** Captions Url */
            captions_url?: string | null;
            cost?: components["schemas"]["JobCost"];
            /** Duration */
            duration?: number | null;
            error?: components["schemas"]["ErrorInfo"] | null;
            /** Final Video Url */
            final_video_url?: string | null;
            /** Final Videos */
            final_videos?: {
                [key: string]: string;
            };
            /** Job Id */
            job_id: string;
            /** Progress */
            progress: number;
            status: components["schemas"]["JobStatus"];
        };
        /**
         * CostEstimate
         * @description What generating the clips, then composing the ad, will cost with the configured
         *     providers: 0 for local ones, the price table's figures for remote ones.
         */
        CostEstimate: {
            budget: components["schemas"]["BudgetStatus"];
            /** Clips Usd */
            clips_usd: number;
            /** Compose Usd */
            compose_usd: number;
            /** Items */
            items?: components["schemas"]["CostLine"][];
            /** Total Usd */
            total_usd: number;
        };
        /**
         * CostLine
         * @description What one capability of one step is expected to cost, before it runs.
         */
        CostLine: {
            /** Capability */
            capability: string;
            /** Estimated Usd */
            estimated_usd: number;
            /** Provider */
            provider: string;
            /** Step */
            step: string;
            /** Unit */
            unit: string;
            /** Units */
            units: number;
        };
        /**
         * CreativeBrief
         * @description A brief good enough to make an ad from: at least the product is named.
         */
        CreativeBrief: {
            brand?: components["schemas"]["Brand"] | null;
            /**
             * Call To Action
             * @default
             */
            call_to_action?: string;
            /** Emotional Tone */
            emotional_tone?: string[];
            /** Key Messages */
            key_messages?: string[];
            /**
             * Product Description
             * @default
             */
            product_description?: string;
            /** Product Images */
            product_images?: string[];
            /** Product Name */
            product_name: string;
            /**
             * Target Audience
             * @default
             */
            target_audience?: string;
            /** Visual Style Keywords */
            visual_style_keywords?: string[];
        };
        /**
         * ErrorCode
         * @description Every code a client can see, in an HTTP body, a job's or clip's error, or the chat.
         * @enum {string}
         */
        ErrorCode: "internal_error" | "not_found" | "job_not_found" | "media_not_found" | "project_not_found" | "media_path_refused" | "preview_unavailable" | "storage_full" | "storage_unavailable" | "database_unavailable" | "invalid_request" | "budget_exceeded" | "too_many_streams" | "queue_unavailable" | "unsupported_media" | "unreadable_image" | "image_too_large" | "unsupported_image_type" | "upload_too_large" | "fetch_failed" | "provider_error" | "provider_rate_limited" | "provider_timed_out" | "provider_bad_output" | "provider_refused" | "render_failed" | "render_timed_out" | "render_input_refused" | "pipeline_failed" | "accounts_off" | "api_token_not_found" | "not_signed_in" | "sign_in_failed" | "email_taken" | "rate_limited" | "clips_failed" | "job_cancelled" | "bad_request" | "body_too_deep" | "body_too_large" | "method_not_allowed" | "validation_error" | "url_refused" | "http_error";
        /**
         * ErrorInfo
         * @description A job's or a clip's failure: the same `code` and `message` as every error body.
         */
        ErrorInfo: {
            code: components["schemas"]["ErrorCode"];
            /** Message */
            message: string;
        };
        /**
         * ErrorResponse
         * @description Every error response but a field-by-field validation failure.
         */
        ErrorResponse: {
            code: components["schemas"]["ErrorCode"];
            /** Detail */
            detail: string;
            /** Message */
            message: string;
        };
        /**
         * EstimateRequest
         * @description The storyboard about to be rendered, and the voice the ad would be composed with.
         */
        EstimateRequest: {
            /** Scenes */
            scenes: components["schemas"]["SceneWithSeed-Input"][];
            /** Voice */
            voice?: string | null;
        };
        /** FieldError */
        FieldError: {
            /** Loc */
            loc: (string | number)[];
            /** Msg */
            msg: string;
            /** Type */
            type: string;
        };
        /**
         * GenerateMoodsRequest
         * @example {
         *       "creative_brief": {
         *         "emotional_tone": [
         *           "elegant",
         *           "calming"
         *         ],
         *         "key_messages": [
         *           "Natural ingredients"
         *         ],
         *         "product_name": "Luxury Skincare Serum",
         *         "target_audience": "Women 25-40",
         *         "visual_style_keywords": [
         *           "minimalist",
         *           "white",
         *           "gold"
         *         ]
         *       }
         *     }
         */
        GenerateMoodsRequest: {
            /** Avoid Styles */
            avoid_styles?: string[];
            creative_brief: components["schemas"]["CreativeBrief"];
        };
        /** GenerateMoodsResponse */
        GenerateMoodsResponse: {
            /** Moods */
            moods: components["schemas"]["Mood"][];
        };
        /**
         * GenerateSeedsRequest
         * @example {
         *       "creative_brief": {
         *         "emotional_tone": [
         *           "elegant",
         *           "calming"
         *         ],
         *         "key_messages": [
         *           "Natural ingredients"
         *         ],
         *         "product_name": "Luxury Skincare Serum",
         *         "target_audience": "Women 25-40",
         *         "visual_style_keywords": [
         *           "minimalist",
         *           "white",
         *           "gold"
         *         ]
         *       },
         *       "mood_style": {
         *         "color_palette": [
         *           "#FFFFFF",
         *           "#D4AF37"
         *         ],
         *         "mood_id": "uuid-1",
         *         "reference_images": [],
         *         "style_keywords": [
         *           "minimalist",
         *           "white",
         *           "gold",
         *           "clean"
         *         ],
         *         "style_name": "Minimalist Gold Elegance"
         *       },
         *       "scenes": [
         *         {
         *           "description": "A single golden drop falls onto white marble",
         *           "duration": 4,
         *           "scene_number": 1,
         *           "style_prompt": "minimalist white and gold, luxury skincare, soft lighting"
         *         },
         *         {
         *           "description": "Close-up of the serum bottle on white marble",
         *           "duration": 6,
         *           "scene_number": 2,
         *           "style_prompt": "minimalist white and gold, luxury skincare, soft lighting"
         *         },
         *         {
         *           "description": "Botanical ingredients floating in soft light",
         *           "duration": 6,
         *           "scene_number": 3,
         *           "style_prompt": "minimalist white and gold, luxury skincare, soft lighting"
         *         },
         *         {
         *           "description": "A woman smiling at her glowing skin in a bright bathroom",
         *           "duration": 6,
         *           "scene_number": 4,
         *           "style_prompt": "minimalist white and gold, luxury skincare, soft lighting"
         *         },
         *         {
         *           "description": "The serum bottle with the product name, a call to action",
         *           "duration": 8,
         *           "scene_number": 5,
         *           "style_prompt": "minimalist white and gold, luxury skincare, soft lighting"
         *         }
         *       ]
         *     }
         */
        GenerateSeedsRequest: {
            creative_brief?: components["schemas"]["CreativeBrief"] | null;
            mood_style?: components["schemas"]["MoodStyle"];
            /** Scenes */
            scenes: components["schemas"]["Scene-Input"][];
        };
        /** GenerateSeedsResponse */
        GenerateSeedsResponse: {
            /** Scenes With Seeds */
            scenes_with_seeds: components["schemas"]["SceneWithSeed-Output"][];
        };
        /** GenerateVideoRequest */
        GenerateVideoRequest: {
            /** Scenes */
            scenes: components["schemas"]["SceneWithSeed-Input"][];
        };
        /** GenerateVideoResponse */
        GenerateVideoResponse: {
            /** Clips */
            clips: components["schemas"]["Clip-Output"][];
            /** Job Id */
            job_id: string;
            status: components["schemas"]["JobStatus"];
        };
        /**
         * JobCost
         * @description Added to every status response; all zero when only local providers ran.
         */
        JobCost: {
            /**
             * Calls
             * @default 0
             */
            calls?: number;
            /**
             * Estimated Usd
             * @default 0
             */
            estimated_usd?: number;
            /** Items */
            items?: components["schemas"]["ProviderCall"][];
        };
        /**
         * JobKind
         * @enum {string}
         */
        JobKind: "clips" | "compose";
        /**
         * JobStatus
         * @enum {string}
         */
        JobStatus: "processing" | "complete" | "failed";
        /**
         * JobStatusResponse
         * @description Any job, whatever its kind (`GET /api/status/{job_id}`).
         */
        JobStatusResponse: {
            /** Audio Url */
            audio_url?: string | null;
            /** Captions Srt Url */
            captions_srt_url?: string | null;
            /** Captions Url */
            captions_url?: string | null;
            /** Clips */
            clips?: components["schemas"]["Clip-Output"][];
            cost?: components["schemas"]["JobCost"];
            /** Duration */
            duration?: number | null;
            error?: components["schemas"]["ErrorInfo"] | null;
            /** Final Video Url */
            final_video_url?: string | null;
            /** Final Videos */
            final_videos?: {
                [key: string]: string;
            };
            /** Job Id */
            job_id: string;
            kind: components["schemas"]["JobKind"];
            /** Progress */
            progress: number;
            status: components["schemas"]["JobStatus"];
        };
        /** LoginRequest */
        LoginRequest: {
            /** Email */
            email: string;
            /** Password */
            password: string;
        };
        /**
         * Mood
         * @description A mood as the API returns it (the seed's shape).
         */
        Mood: {
            /** Color Palette */
            color_palette?: string[];
            /** Mood Id */
            mood_id: string;
            /** Reference Images */
            reference_images?: string[];
            /** Style Keywords */
            style_keywords?: string[];
            /** Style Name */
            style_name: string;
        };
        /**
         * MoodStyle
         * @description The parts of a mood that style a seed image; a full `Mood` is accepted as well.
         */
        MoodStyle: {
            /** Color Palette */
            color_palette?: string[];
            /** Style Keywords */
            style_keywords?: string[];
            /**
             * Style Name
             * @default
             */
            style_name?: string;
        };
        /**
         * PlanScenesRequest
         * @example {
         *       "creative_brief": {
         *         "emotional_tone": [
         *           "elegant",
         *           "calming"
         *         ],
         *         "key_messages": [
         *           "Natural ingredients"
         *         ],
         *         "product_name": "Luxury Skincare Serum",
         *         "target_audience": "Women 25-40",
         *         "visual_style_keywords": [
         *           "minimalist",
         *           "white",
         *           "gold"
         *         ]
         *       },
         *       "selected_mood": {
         *         "color_palette": [
         *           "#FFFFFF",
         *           "#D4AF37"
         *         ],
         *         "mood_id": "uuid-1",
         *         "reference_images": [],
         *         "style_keywords": [
         *           "minimalist",
         *           "white",
         *           "gold",
         *           "clean"
         *         ],
         *         "style_name": "Minimalist Gold Elegance"
         *       }
         *     }
         */
        PlanScenesRequest: {
            creative_brief: components["schemas"]["CreativeBrief"];
            selected_mood: components["schemas"]["Mood"];
        };
        /** PlanScenesResponse */
        PlanScenesResponse: {
            scene_plan: components["schemas"]["ScenePlan-Output"];
        };
        /**
         * Project
         * @description A whole project (`GET /api/projects/{id}`): its work and every ad composed.
         */
        Project: {
            /** Ads */
            ads?: components["schemas"]["Ad"][];
            /** Chat */
            chat?: components["schemas"]["UIMessage"][];
            /** Clip Job Id */
            clip_job_id?: string | null;
            /** Clips */
            clips?: components["schemas"]["Clip-Output"][];
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            creative_brief?: components["schemas"]["BriefFields"] | null;
            /** Mood Sets */
            mood_sets?: components["schemas"]["Mood"][][];
            /** Name */
            name: string;
            /** Project Id */
            project_id: string;
            scene_plan?: components["schemas"]["ScenePlan-Output"] | null;
            /** Scenes With Seeds */
            scenes_with_seeds?: components["schemas"]["SceneWithSeed-Output"][];
            selected_mood?: components["schemas"]["Mood"] | null;
            /** Thumbnail Url */
            thumbnail_url?: string | null;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
        };
        /**
         * ProjectCreate
         * @description `POST /api/projects`: a name, and optionally work the studio already has.
         */
        ProjectCreate: {
            /** Chat */
            chat?: components["schemas"]["UIMessage"][];
            /** Clip Job Id */
            clip_job_id?: string | null;
            /** Clips */
            clips?: components["schemas"]["Clip-Input"][];
            creative_brief?: components["schemas"]["BriefFields"] | null;
            /** Mood Sets */
            mood_sets?: components["schemas"]["Mood"][][];
            /**
             * Name
             * @default Untitled project
             */
            name?: string;
            scene_plan?: components["schemas"]["ScenePlan-Input"] | null;
            /** Scenes With Seeds */
            scenes_with_seeds?: components["schemas"]["SceneWithSeed-Input"][];
            selected_mood?: components["schemas"]["Mood"] | null;
        };
        /** ProjectList */
        ProjectList: {
            /** Projects */
            projects: components["schemas"]["ProjectSummary"][];
        };
        /**
         * ProjectSummary
         * @description A project in the gallery.
         */
        ProjectSummary: {
            /**
             * Ad Count
             * @default 0
             */
            ad_count?: number;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Name */
            name: string;
            /** Project Id */
            project_id: string;
            /** Thumbnail Url */
            thumbnail_url?: string | null;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
        };
        /**
         * ProjectUpdate
         * @description `PATCH /api/projects/{id}`: only the fields sent change; `null` clears an optional one.
         */
        ProjectUpdate: {
            /** Chat */
            chat?: components["schemas"]["UIMessage"][] | null;
            /** Clip Job Id */
            clip_job_id?: string | null;
            /** Clips */
            clips?: components["schemas"]["Clip-Input"][] | null;
            creative_brief?: components["schemas"]["BriefFields"] | null;
            /** Mood Sets */
            mood_sets?: components["schemas"]["Mood"][][] | null;
            /** Name */
            name?: string | null;
            scene_plan?: components["schemas"]["ScenePlan-Input"] | null;
            /** Scenes With Seeds */
            scenes_with_seeds?: components["schemas"]["SceneWithSeed-Input"][] | null;
            selected_mood?: components["schemas"]["Mood"] | null;
        };
        /**
         * ProviderCall
         * @description One billable request: a chat completion or a Replicate prediction.
         */
        ProviderCall: {
            /** Capability */
            capability: string;
            /** Estimated Usd */
            estimated_usd: number;
            /** Model */
            model: string;
            /** Outcome */
            outcome: string;
            /** Provider */
            provider: string;
            /** Unit */
            unit: string;
            /** Units */
            units: number;
        };
        /**
         * RegenerateSeedRequest
         * @description The whole storyboard (it tells the painter what the ad is about) and which take to paint.
         * @example {
         *       "creative_brief": {
         *         "emotional_tone": [
         *           "elegant",
         *           "calming"
         *         ],
         *         "key_messages": [
         *           "Natural ingredients"
         *         ],
         *         "product_name": "Luxury Skincare Serum",
         *         "target_audience": "Women 25-40",
         *         "visual_style_keywords": [
         *           "minimalist",
         *           "white",
         *           "gold"
         *         ]
         *       },
         *       "mood_style": {
         *         "color_palette": [
         *           "#FFFFFF",
         *           "#D4AF37"
         *         ],
         *         "mood_id": "uuid-1",
         *         "reference_images": [],
         *         "style_keywords": [
         *           "minimalist",
         *           "white",
         *           "gold",
         *           "clean"
         *         ],
         *         "style_name": "Minimalist Gold Elegance"
         *       },
         *       "scenes": [
         *         {
         *           "description": "A single golden drop falls onto white marble",
         *           "duration": 4,
         *           "scene_number": 1,
         *           "style_prompt": "minimalist white and gold, luxury skincare, soft lighting"
         *         },
         *         {
         *           "description": "Close-up of the serum bottle on white marble",
         *           "duration": 6,
         *           "scene_number": 2,
         *           "style_prompt": "minimalist white and gold, luxury skincare, soft lighting"
         *         },
         *         {
         *           "description": "Botanical ingredients floating in soft light",
         *           "duration": 6,
         *           "scene_number": 3,
         *           "style_prompt": "minimalist white and gold, luxury skincare, soft lighting"
         *         },
         *         {
         *           "description": "A woman smiling at her glowing skin in a bright bathroom",
         *           "duration": 6,
         *           "scene_number": 4,
         *           "style_prompt": "minimalist white and gold, luxury skincare, soft lighting"
         *         },
         *         {
         *           "description": "The serum bottle with the product name, a call to action",
         *           "duration": 8,
         *           "scene_number": 5,
         *           "style_prompt": "minimalist white and gold, luxury skincare, soft lighting"
         *         }
         *       ]
         *     }
         */
        RegenerateSeedRequest: {
            creative_brief?: components["schemas"]["CreativeBrief"] | null;
            mood_style?: components["schemas"]["MoodStyle"];
            /** Scenes */
            scenes: components["schemas"]["Scene-Input"][];
            /**
             * Variation
             * @default 1
             */
            variation?: number;
        };
        /** RegenerateSeedResponse */
        RegenerateSeedResponse: {
            scene_with_seed: components["schemas"]["SceneWithSeed-Output"];
        };
        /** RegisterRequest */
        RegisterRequest: {
            /** Email */
            email: string;
            /** Name */
            name?: string | null;
            /** Password */
            password: string;
        };
        /** RetryClipsRequest */
        RetryClipsRequest: {
            /** Scene Numbers */
            scene_numbers?: number[];
        };
        /** Scene */
        "Scene-Input": {
            camera_move?: components["schemas"]["CameraMove"] | null;
            /** Description */
            description: string;
            /** Duration */
            duration: number;
            /**
             * On Screen Text
             * @default
             */
            on_screen_text?: string;
            /** Scene Number */
            scene_number: number;
            /**
             * Style Prompt
             * @default
             */
            style_prompt?: string;
            /**
             * Voiceover
             * @default
             */
            voiceover?: string;
        };
        /** Scene */
        "Scene-Output": {
            camera_move?: components["schemas"]["CameraMove"] | null;
            /** Description */
            description: string;
            /** Duration */
            duration: number;
            /**
             * On Screen Text
             * @default
             */
            on_screen_text?: string;
            /** Scene Number */
            scene_number: number;
            /**
             * Style Prompt
             * @default
             */
            style_prompt?: string;
            /**
             * Voiceover
             * @default
             */
            voiceover?: string;
        };
        /** ScenePlan */
        "ScenePlan-Input": {
            /**
             * Call To Action
             * @default
             */
            call_to_action?: string;
            /** Scenes */
            scenes: components["schemas"]["Scene-Input"][];
            /**
             * Total Duration
             * @default 30
             */
            total_duration?: number;
        };
        /** ScenePlan */
        "ScenePlan-Output": {
            /**
             * Call To Action
             * @default
             */
            call_to_action?: string;
            /** Scenes */
            scenes: components["schemas"]["Scene-Output"][];
            /**
             * Total Duration
             * @default 30
             */
            total_duration?: number;
        };
        /** SceneWithSeed */
        "SceneWithSeed-Input": {
            camera_move?: components["schemas"]["CameraMove"] | null;
            /** Description */
            description: string;
            /** Duration */
            duration: number;
            /**
             * On Screen Text
             * @default
             */
            on_screen_text?: string;
            /** Scene Number */
            scene_number: number;
            /** Seed Image Url */
            seed_image_url: string;
            /**
             * Style Prompt
             * @default
             */
            style_prompt?: string;
            /**
             * Voiceover
             * @default
             */
            voiceover?: string;
        };
        /** SceneWithSeed */
        "SceneWithSeed-Output": {
            camera_move?: components["schemas"]["CameraMove"] | null;
            /** Description */
            description: string;
            /** Duration */
            duration: number;
            /**
             * On Screen Text
             * @default
             */
            on_screen_text?: string;
            /** Scene Number */
            scene_number: number;
            /** Seed Image Url */
            seed_image_url: string;
            /**
             * Style Prompt
             * @default
             */
            style_prompt?: string;
            /**
             * Voiceover
             * @default
             */
            voiceover?: string;
        };
        /**
         * ScriptRules
         * @description The words' rules (`app.words.script`): how long a line may be, and when it fits.
         */
        ScriptRules: {
            /**
             * Max Call To Action Chars
             * @default 200
             */
            max_call_to_action_chars: number;
            /**
             * Max On Screen Text Chars
             * @default 200
             */
            max_on_screen_text_chars: number;
            /**
             * Max Voiceover Chars
             * @default 400
             */
            max_voiceover_chars: number;
            /**
             * Speech Margin Seconds
             * @default 0.2
             */
            speech_margin_seconds: number;
            /**
             * Word Pattern
             * @default [\w'’%$€£&+-]+
             */
            word_pattern: string;
            /**
             * Words Per Second
             * @default 2.5
             */
            words_per_second: number;
        };
        /**
         * SignedIn
         * @description An access token: send it as `Authorization: Bearer <access_token>`.
         */
        SignedIn: {
            /** Access Token */
            access_token: string;
            /**
             * Expires At
             * Format: date-time
             */
            expires_at: string;
            /**
             * Token Type
             * @default bearer
             */
            token_type: string;
            user: components["schemas"]["UserInfo"];
        };
        /** StoryboardRules */
        StoryboardRules: {
            /**
             * Crossfade Seconds
             * @default 0.5
             */
            crossfade_seconds: number;
            /**
             * Fps
             * @default 30
             */
            fps: number;
            /**
             * Max Scene Seconds
             * @default 15
             */
            max_scene_seconds: number;
            /**
             * Max Scenes
             * @default 7
             */
            max_scenes: number;
            /**
             * Min Scene Seconds
             * @default 1
             */
            min_scene_seconds: number;
            /**
             * Min Scenes
             * @default 5
             */
            min_scenes: number;
            /**
             * Step Seconds
             * @default 0.5
             */
            step_seconds: number;
            /**
             * Total Seconds
             * @default 30
             */
            total_seconds: number;
        };
        /** StudioConfig */
        StudioConfig: {
            /**
             * Auth Enabled
             * @default false
             */
            auth_enabled: boolean;
            brief: components["schemas"]["BriefRules"];
            /** Formats */
            formats: ("9:16" | "1:1" | "4:5" | "16:9")[];
            script: components["schemas"]["ScriptRules"];
            storyboard: components["schemas"]["StoryboardRules"];
        };
        /**
         * UIMessage
         * @description A message as `useChat` sends it: `parts`, or a plain `content` from older clients.
         */
        UIMessage: {
            /** Content */
            content?: string | null;
            /** Id */
            id?: string | null;
            /** Parts */
            parts?: components["schemas"]["UIMessagePart"][];
            /**
             * Role
             * @enum {string}
             */
            role: "system" | "user" | "assistant";
        } & {
            [key: string]: unknown;
        };
        /** UIMessagePart */
        UIMessagePart: {
            /** Text */
            text?: string | null;
            /** Type */
            type: string;
        } & {
            [key: string]: unknown;
        };
        /** UserInfo */
        UserInfo: {
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Email */
            email: string | null;
            /** Name */
            name: string;
            /** User Id */
            user_id: string;
        };
        /**
         * ValidationErrorResponse
         * @description A request whose fields do not match the schema; every bad field is listed.
         */
        ValidationErrorResponse: {
            /**
             * Code
             * @constant
             */
            code: "validation_error";
            /** Detail */
            detail: components["schemas"]["FieldError"][];
            /** Message */
            message: string;
        };
        /** VideoStatusResponse */
        VideoStatusResponse: {
            /** Clips */
            clips: components["schemas"]["Clip-Output"][];
            cost?: components["schemas"]["JobCost"];
            error?: components["schemas"]["ErrorInfo"] | null;
            /** Job Id */
            job_id: string;
            /** Progress */
            progress: number;
            status: components["schemas"]["JobStatus"];
        };
        /** Voice */
        Voice: {
            /** Id */
            id: string;
            /** Language */
            language: string;
            /** Name */
            name: string;
            /** Provider */
            provider: string;
        };
        /** VoicePreviewRequest */
        VoicePreviewRequest: {
            /** Text */
            text?: string | null;
            /** Voice */
            voice: string;
        };
        /** VoicePreviewResponse */
        VoicePreviewResponse: {
            /** Audio Url */
            audio_url: string;
            /** Cached */
            cached: boolean;
            /** Voice */
            voice: string;
        };
        /** VoicesResponse */
        VoicesResponse: {
            /** Default */
            default: string;
            /** Voices */
            voices: components["schemas"]["Voice"][];
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    upload_asset_api_assets_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": components["schemas"]["Body_upload_asset_api_assets_post"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AssetResponse"];
                };
            };
            /** @description The body is not a multipart form (`bad_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Accounts are on and the request has no valid bearer token (`not_signed_in`): none, expired, or revoked. Sign in again (`POST /api/auth/login`) or use an API token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The file is larger than the upload limit (`body_too_large`, `upload_too_large`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The file is not a PNG, JPEG or WebP image (`unsupported_image_type`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A form field is missing or wrong (a list of fields), or the image does not decode whole (`unreadable_image`) or has too many pixels (`image_too_large`), with a sentence. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponse"] | components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An unexpected fault (`internal_error`); the server logs the details. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The media store is full (`storage_full`); nothing was written. */
            507: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    login_api_auth_login_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginRequest"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignedIn"];
                };
            };
            /** @description The body is not UTF-8 JSON (`bad_request`), or nests deeper than 32 levels (`body_too_deep`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Accounts are on and the request has no valid bearer token (`not_signed_in`): none, expired, or revoked. Sign in again (`POST /api/auth/login`) or use an API token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Accounts are off on this server (`accounts_off`), or no API token with this id (`api_token_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The body is larger than 2 MB (`body_too_large`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A field of the body does not match the schema. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponse"];
                };
            };
            /** @description An unexpected fault (`internal_error`); the server logs the details. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    me_api_auth_me_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserInfo"];
                };
            };
            /** @description Accounts are on and the request has no valid bearer token (`not_signed_in`): none, expired, or revoked. Sign in again (`POST /api/auth/login`) or use an API token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Accounts are off on this server (`accounts_off`), or no API token with this id (`api_token_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An unexpected fault (`internal_error`); the server logs the details. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    register_api_auth_register_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterRequest"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignedIn"];
                };
            };
            /** @description The body is not UTF-8 JSON (`bad_request`), or nests deeper than 32 levels (`body_too_deep`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Accounts are off on this server (`accounts_off`), or no API token with this id (`api_token_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An account with this email exists (`email_taken`). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The body is larger than 2 MB (`body_too_large`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A field of the body does not match the schema. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponse"];
                };
            };
            /** @description An unexpected fault (`internal_error`); the server logs the details. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    list_tokens_api_auth_tokens_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiTokenList"];
                };
            };
            /** @description Accounts are on and the request has no valid bearer token (`not_signed_in`): none, expired, or revoked. Sign in again (`POST /api/auth/login`) or use an API token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Accounts are off on this server (`accounts_off`), or no API token with this id (`api_token_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An unexpected fault (`internal_error`); the server logs the details. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    create_token_api_auth_tokens_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApiTokenCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiTokenCreated"];
                };
            };
            /** @description The body is not UTF-8 JSON (`bad_request`), or nests deeper than 32 levels (`body_too_deep`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Accounts are on and the request has no valid bearer token (`not_signed_in`): none, expired, or revoked. Sign in again (`POST /api/auth/login`) or use an API token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Accounts are off on this server (`accounts_off`), or no API token with this id (`api_token_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The body is larger than 2 MB (`body_too_large`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A field of the body does not match the schema. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponse"];
                };
            };
            /** @description An unexpected fault (`internal_error`); the server logs the details. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    revoke_token_api_auth_tokens__token_id__delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Accounts are on and the request has no valid bearer token (`not_signed_in`): none, expired, or revoked. Sign in again (`POST /api/auth/login`) or use an API token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Accounts are off on this server (`accounts_off`), or no API token with this id (`api_token_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A path or query parameter does not match the schema. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponse"];
                };
            };
            /** @description An unexpected fault (`internal_error`); the server logs the details. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    studio_config_api_config_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StudioConfig"];
                };
            };
            /** @description An unexpected fault (`internal_error`); the server logs the details. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    brief_api_director_brief_post: {
        parameters: {
            query?: {
                /** @description A project (`POST /api/projects`) to record this step's result in. */
                project_id?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BriefRequest"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BriefSynthesis"];
                };
            };
            /** @description The body is not UTF-8 JSON (`bad_request`), or nests deeper than 32 levels (`body_too_deep`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Accounts are on and the request has no valid bearer token (`not_signed_in`): none, expired, or revoked. Sign in again (`POST /api/auth/login`) or use an API token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No project with this id, or an id that is not a UUID (`project_not_found`); it may have been deleted. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The body is larger than 2 MB (`body_too_large`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A field does not match the schema (a list of fields), or the model declined to answer (`provider_refused`, with a sentence). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponse"] | components["schemas"]["ErrorResponse"];
                };
            };
            /** @description This user has made more requests per minute than allowed (`rate_limited`); `Retry-After` says how many seconds to wait. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An unexpected fault (`internal_error`); the server logs the details. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A model failed or answered nonsense (`provider_error`, `provider_bad_output`). */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A model's service is rate limiting us (`provider_rate_limited`); try later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A model took too long (`provider_timed_out`). */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    chat_api_director_chat_post: {
        parameters: {
            query?: {
                /** @description A project (`POST /api/projects`) to record this step's result in. */
                project_id?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChatRequest"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The body is not UTF-8 JSON (`bad_request`), or nests deeper than 32 levels (`body_too_deep`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Accounts are on and the request has no valid bearer token (`not_signed_in`): none, expired, or revoked. Sign in again (`POST /api/auth/login`) or use an API token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No project with this id, or an id that is not a UUID (`project_not_found`); it may have been deleted. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The body is larger than 2 MB (`body_too_large`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A field of the body does not match the schema. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponse"];
                };
            };
            /** @description This user has made more requests per minute than allowed (`rate_limited`); `Retry-After` says how many seconds to wait. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An unexpected fault (`internal_error`); the server logs the details. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    job_events_api_jobs__job_id__events_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                job_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One `message` event per change; its data is the status body. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": unknown;
                };
            };
            /** @description Accounts are on and the request has no valid bearer token (`not_signed_in`): none, expired, or revoked. Sign in again (`POST /api/auth/login`) or use an API token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No job with this id (`job_not_found`); it may have expired. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A path or query parameter does not match the schema. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponse"];
                };
            };
            /** @description An unexpected fault (`internal_error`); the server logs the details. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every stream slot is taken (`too_many_streams`): poll instead. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    generate_moods_api_moods_generate_post: {
        parameters: {
            query?: {
                /** @description A project (`POST /api/projects`) to record this step's result in. */
                project_id?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GenerateMoodsRequest"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GenerateMoodsResponse"];
                };
            };
            /** @description The body is not UTF-8 JSON (`bad_request`), or nests deeper than 32 levels (`body_too_deep`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Accounts are on and the request has no valid bearer token (`not_signed_in`): none, expired, or revoked. Sign in again (`POST /api/auth/login`) or use an API token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No project with this id, or an id that is not a UUID (`project_not_found`); it may have been deleted. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The body is larger than 2 MB (`body_too_large`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A field does not match the schema (a list of fields), or the model declined to answer (`provider_refused`, with a sentence). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponse"] | components["schemas"]["ErrorResponse"];
                };
            };
            /** @description This user has made more requests per minute than allowed (`rate_limited`); `Retry-After` says how many seconds to wait. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An unexpected fault (`internal_error`); the server logs the details. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A model failed or answered nonsense (`provider_error`, `provider_bad_output`). */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A model's service is rate limiting us (`provider_rate_limited`); try later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A model took too long (`provider_timed_out`). */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The media store is full (`storage_full`); nothing was written. */
            507: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    list_projects_api_projects_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectList"];
                };
            };
            /** @description Accounts are on and the request has no valid bearer token (`not_signed_in`): none, expired, or revoked. Sign in again (`POST /api/auth/login`) or use an API token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An unexpected fault (`internal_error`); the server logs the details. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    create_project_api_projects_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProjectCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Project"];
                };
            };
            /** @description The body is not UTF-8 JSON (`bad_request`), or nests deeper than 32 levels (`body_too_deep`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Accounts are on and the request has no valid bearer token (`not_signed_in`): none, expired, or revoked. Sign in again (`POST /api/auth/login`) or use an API token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The body is larger than 2 MB (`body_too_large`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A field of the body does not match the schema. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponse"];
                };
            };
            /** @description An unexpected fault (`internal_error`); the server logs the details. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    read_project_api_projects__project_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                project_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Project"];
                };
            };
            /** @description Accounts are on and the request has no valid bearer token (`not_signed_in`): none, expired, or revoked. Sign in again (`POST /api/auth/login`) or use an API token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No project with this id, or an id that is not a UUID (`project_not_found`); it may have been deleted. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A path or query parameter does not match the schema. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponse"];
                };
            };
            /** @description An unexpected fault (`internal_error`); the server logs the details. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    delete_project_api_projects__project_id__delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                project_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Accounts are on and the request has no valid bearer token (`not_signed_in`): none, expired, or revoked. Sign in again (`POST /api/auth/login`) or use an API token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No project with this id, or an id that is not a UUID (`project_not_found`); it may have been deleted. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A path or query parameter does not match the schema. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponse"];
                };
            };
            /** @description An unexpected fault (`internal_error`); the server logs the details. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    update_project_api_projects__project_id__patch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                project_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProjectUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Project"];
                };
            };
            /** @description The body is not UTF-8 JSON (`bad_request`), or nests deeper than 32 levels (`body_too_deep`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Accounts are on and the request has no valid bearer token (`not_signed_in`): none, expired, or revoked. Sign in again (`POST /api/auth/login`) or use an API token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No project with this id, or an id that is not a UUID (`project_not_found`); it may have been deleted. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The body is larger than 2 MB (`body_too_large`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A field of the body does not match the schema. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponse"];
                };
            };
            /** @description An unexpected fault (`internal_error`); the server logs the details. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    duplicate_project_api_projects__project_id__duplicate_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                project_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Project"];
                };
            };
            /** @description Accounts are on and the request has no valid bearer token (`not_signed_in`): none, expired, or revoked. Sign in again (`POST /api/auth/login`) or use an API token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No project with this id, or an id that is not a UUID (`project_not_found`); it may have been deleted. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A path or query parameter does not match the schema. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponse"];
                };
            };
            /** @description An unexpected fault (`internal_error`); the server logs the details. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    plan_scenes_api_scenes_plan_post: {
        parameters: {
            query?: {
                /** @description A project (`POST /api/projects`) to record this step's result in. */
                project_id?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PlanScenesRequest"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanScenesResponse"];
                };
            };
            /** @description The body is not UTF-8 JSON (`bad_request`), or nests deeper than 32 levels (`body_too_deep`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Accounts are on and the request has no valid bearer token (`not_signed_in`): none, expired, or revoked. Sign in again (`POST /api/auth/login`) or use an API token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No project with this id, or an id that is not a UUID (`project_not_found`); it may have been deleted. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The body is larger than 2 MB (`body_too_large`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A field does not match the schema (a list of fields), or the model declined to answer (`provider_refused`, with a sentence). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponse"] | components["schemas"]["ErrorResponse"];
                };
            };
            /** @description This user has made more requests per minute than allowed (`rate_limited`); `Retry-After` says how many seconds to wait. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An unexpected fault (`internal_error`); the server logs the details. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A model failed or answered nonsense (`provider_error`, `provider_bad_output`). */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A model's service is rate limiting us (`provider_rate_limited`); try later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A model took too long (`provider_timed_out`). */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    generate_seeds_api_scenes_seeds_post: {
        parameters: {
            query?: {
                /** @description A project (`POST /api/projects`) to record this step's result in. */
                project_id?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GenerateSeedsRequest"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GenerateSeedsResponse"];
                };
            };
            /** @description The body is not UTF-8 JSON (`bad_request`), or nests deeper than 32 levels (`body_too_deep`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Accounts are on and the request has no valid bearer token (`not_signed_in`): none, expired, or revoked. Sign in again (`POST /api/auth/login`) or use an API token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No project with this id, or an id that is not a UUID (`project_not_found`); it may have been deleted. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The body is larger than 2 MB (`body_too_large`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A field does not match the schema (a list of fields), or the model declined to answer (`provider_refused`, with a sentence). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponse"] | components["schemas"]["ErrorResponse"];
                };
            };
            /** @description This user has made more requests per minute than allowed (`rate_limited`); `Retry-After` says how many seconds to wait. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An unexpected fault (`internal_error`); the server logs the details. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A model failed or answered nonsense (`provider_error`, `provider_bad_output`). */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A model's service is rate limiting us (`provider_rate_limited`); try later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A model took too long (`provider_timed_out`). */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The media store is full (`storage_full`); nothing was written. */
            507: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    regenerate_seed_api_scenes_seeds__scene_number__post: {
        parameters: {
            query?: {
                /** @description A project (`POST /api/projects`) to record this step's result in. */
                project_id?: string | null;
            };
            header?: never;
            path: {
                scene_number: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegenerateSeedRequest"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegenerateSeedResponse"];
                };
            };
            /** @description The body is not UTF-8 JSON (`bad_request`), or nests deeper than 32 levels (`body_too_deep`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Accounts are on and the request has no valid bearer token (`not_signed_in`): none, expired, or revoked. Sign in again (`POST /api/auth/login`) or use an API token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No project with this id, or an id that is not a UUID (`project_not_found`); it may have been deleted. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The body is larger than 2 MB (`body_too_large`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A field does not match the schema (a list of fields), or the model declined to answer (`provider_refused`, with a sentence). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponse"] | components["schemas"]["ErrorResponse"];
                };
            };
            /** @description This user has made more requests per minute than allowed (`rate_limited`); `Retry-After` says how many seconds to wait. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An unexpected fault (`internal_error`); the server logs the details. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A model failed or answered nonsense (`provider_error`, `provider_bad_output`). */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A model's service is rate limiting us (`provider_rate_limited`); try later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A model took too long (`provider_timed_out`). */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The media store is full (`storage_full`); nothing was written. */
            507: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    job_status_api_status__job_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                job_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JobStatusResponse"];
                };
            };
            /** @description Accounts are on and the request has no valid bearer token (`not_signed_in`): none, expired, or revoked. Sign in again (`POST /api/auth/login`) or use an API token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No job with this id (`job_not_found`); it may have expired. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A path or query parameter does not match the schema. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponse"];
                };
            };
            /** @description An unexpected fault (`internal_error`); the server logs the details. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    compose_video_api_video_compose_post: {
        parameters: {
            query?: {
                /** @description A project (`POST /api/projects`) to record this step's result in. */
                project_id?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ComposeRequest"];
            };
        };
        responses: {
            /** @description Successful Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ComposeResponse"];
                };
            };
            /** @description The body is not UTF-8 JSON (`bad_request`), or nests deeper than 32 levels (`body_too_deep`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Accounts are on and the request has no valid bearer token (`not_signed_in`): none, expired, or revoked. Sign in again (`POST /api/auth/login`) or use an API token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Paid work whose estimate would go past the user's daily provider budget (`budget_exceeded`), with a sentence naming the budget, what is spent and when it resets; nothing was started. */
            402: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No project with this id, or an id that is not a UUID (`project_not_found`); it may have been deleted. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The body is larger than 2 MB (`body_too_large`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A field does not match the schema (a list of fields), or the request breaks a rule the schema cannot express (`invalid_request`, with a sentence). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponse"] | components["schemas"]["ErrorResponse"];
                };
            };
            /** @description This user has made more requests per minute than allowed (`rate_limited`); `Retry-After` says how many seconds to wait. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An unexpected fault (`internal_error`); the server logs the details. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description With `JOB_BACKEND=celery`, the workers' queue (Redis) could not be reached (`queue_unavailable`); nothing was started or charged. `Retry-After` says when to try again. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The media store is full (`storage_full`); nothing was written. */
            507: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    estimate_compose_api_video_compose_estimate_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ComposeRequest"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CostEstimate"];
                };
            };
            /** @description The body is not UTF-8 JSON (`bad_request`), or nests deeper than 32 levels (`body_too_deep`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Accounts are on and the request has no valid bearer token (`not_signed_in`): none, expired, or revoked. Sign in again (`POST /api/auth/login`) or use an API token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The body is larger than 2 MB (`body_too_large`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A field of the body does not match the schema. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponse"];
                };
            };
            /** @description An unexpected fault (`internal_error`); the server logs the details. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    compose_status_api_video_compose_status__job_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                job_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ComposeStatusResponse"];
                };
            };
            /** @description Accounts are on and the request has no valid bearer token (`not_signed_in`): none, expired, or revoked. Sign in again (`POST /api/auth/login`) or use an API token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No job with this id (`job_not_found`); it may have expired. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A path or query parameter does not match the schema. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponse"];
                };
            };
            /** @description An unexpected fault (`internal_error`); the server logs the details. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    estimate_cost_api_video_estimate_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EstimateRequest"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CostEstimate"];
                };
            };
            /** @description The body is not UTF-8 JSON (`bad_request`), or nests deeper than 32 levels (`body_too_deep`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Accounts are on and the request has no valid bearer token (`not_signed_in`): none, expired, or revoked. Sign in again (`POST /api/auth/login`) or use an API token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The body is larger than 2 MB (`body_too_large`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A field of the body does not match the schema. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponse"];
                };
            };
            /** @description An unexpected fault (`internal_error`); the server logs the details. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    generate_video_api_video_generate_post: {
        parameters: {
            query?: {
                /** @description A project (`POST /api/projects`) to record this step's result in. */
                project_id?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GenerateVideoRequest"];
            };
        };
        responses: {
            /** @description Successful Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GenerateVideoResponse"];
                };
            };
            /** @description The body is not UTF-8 JSON (`bad_request`), or nests deeper than 32 levels (`body_too_deep`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Accounts are on and the request has no valid bearer token (`not_signed_in`): none, expired, or revoked. Sign in again (`POST /api/auth/login`) or use an API token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Paid work whose estimate would go past the user's daily provider budget (`budget_exceeded`), with a sentence naming the budget, what is spent and when it resets; nothing was started. */
            402: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No project with this id, or an id that is not a UUID (`project_not_found`); it may have been deleted. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The body is larger than 2 MB (`body_too_large`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A field does not match the schema (a list of fields), or the request breaks a rule the schema cannot express (`invalid_request`, with a sentence). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponse"] | components["schemas"]["ErrorResponse"];
                };
            };
            /** @description This user has made more requests per minute than allowed (`rate_limited`); `Retry-After` says how many seconds to wait. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An unexpected fault (`internal_error`); the server logs the details. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description With `JOB_BACKEND=celery`, the workers' queue (Redis) could not be reached (`queue_unavailable`); nothing was started or charged. `Retry-After` says when to try again. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The media store is full (`storage_full`); nothing was written. */
            507: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    retry_clips_api_video_generate__job_id__retry_post: {
        parameters: {
            query?: {
                /** @description A project (`POST /api/projects`) to record this step's result in. */
                project_id?: string | null;
            };
            header?: never;
            path: {
                job_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RetryClipsRequest"];
            };
        };
        responses: {
            /** @description Successful Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GenerateVideoResponse"];
                };
            };
            /** @description The body is not UTF-8 JSON (`bad_request`), or nests deeper than 32 levels (`body_too_deep`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Accounts are on and the request has no valid bearer token (`not_signed_in`): none, expired, or revoked. Sign in again (`POST /api/auth/login`) or use an API token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Paid work whose estimate would go past the user's daily provider budget (`budget_exceeded`), with a sentence naming the budget, what is spent and when it resets; nothing was started. */
            402: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No job with this id (`job_not_found`), or no project with the `project_id` given (`project_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The body is larger than 2 MB (`body_too_large`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A field does not match the schema (a list of fields), or the request breaks a rule the schema cannot express (`invalid_request`, with a sentence). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponse"] | components["schemas"]["ErrorResponse"];
                };
            };
            /** @description This user has made more requests per minute than allowed (`rate_limited`); `Retry-After` says how many seconds to wait. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An unexpected fault (`internal_error`); the server logs the details. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description With `JOB_BACKEND=celery`, the workers' queue (Redis) could not be reached (`queue_unavailable`); nothing was started or charged. `Retry-After` says when to try again. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The media store is full (`storage_full`); nothing was written. */
            507: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    video_status_api_video_status__job_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                job_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VideoStatusResponse"];
                };
            };
            /** @description Accounts are on and the request has no valid bearer token (`not_signed_in`): none, expired, or revoked. Sign in again (`POST /api/auth/login`) or use an API token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No job with this id (`job_not_found`); it may have expired. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A path or query parameter does not match the schema. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponse"];
                };
            };
            /** @description An unexpected fault (`internal_error`); the server logs the details. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    list_voices_api_voices_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VoicesResponse"];
                };
            };
            /** @description Accounts are on and the request has no valid bearer token (`not_signed_in`): none, expired, or revoked. Sign in again (`POST /api/auth/login`) or use an API token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An unexpected fault (`internal_error`); the server logs the details. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    preview_voice_api_voices_preview_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VoicePreviewRequest"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VoicePreviewResponse"];
                };
            };
            /** @description The body is not UTF-8 JSON (`bad_request`), or nests deeper than 32 levels (`body_too_deep`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Accounts are on and the request has no valid bearer token (`not_signed_in`): none, expired, or revoked. Sign in again (`POST /api/auth/login`) or use an API token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The body is larger than 2 MB (`body_too_large`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A field does not match the schema (a list of fields), or the model declined to answer (`provider_refused`, with a sentence). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponse"] | components["schemas"]["ErrorResponse"];
                };
            };
            /** @description This user has made more requests per minute than allowed (`rate_limited`); `Retry-After` says how many seconds to wait. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An unexpected fault (`internal_error`); the server logs the details. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A model failed or answered nonsense (`provider_error`, `provider_bad_output`). */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A model's service is rate limiting us (`provider_rate_limited`); try later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A model took too long (`provider_timed_out`). */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The media store is full (`storage_full`); nothing was written. */
            507: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    health_health_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description An unexpected fault (`internal_error`); the server logs the details. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    media_media__key__get: {
        parameters: {
            query?: {
                /** @description Serve as an attachment under this file name (a download button's link); its extension becomes the stored file's. */
                download?: string | null;
                /** @description With accounts on: the link's expiry, in seconds since 1970. */
                exp?: string | null;
                /** @description With accounts on: the link's signature. */
                sig?: string | null;
                /** @description With accounts on: the user the link was signed for. */
                uid?: string | null;
                /** @description Serve a WebP preview of this image at most this many pixels wide (made once, then stored) instead of the original: for thumbnails. Images only. */
                w?: (160 | 320 | 640 | 960) | null;
            };
            header?: never;
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file, typed by the kind we stored (never by `download`). */
            200: {
                headers: {
                    /** @description A sandbox: opened as a page, a file runs nothing. */
                    "Content-Security-Policy"?: string;
                    /** @description Always `nosniff`: the type below is the only one. */
                    "X-Content-Type-Options"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                    "application/octet-stream": string;
                    "application/x-subrip": string;
                    "audio/mp4": string;
                    "audio/mpeg": string;
                    "audio/wav": string;
                    "image/jpeg": string;
                    "image/png": string;
                    "image/webp": string;
                    "text/vtt": string;
                    "video/mp4": string;
                };
            };
            /** @description The requested byte range of the file. */
            206: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                    "application/octet-stream": string;
                    "application/x-subrip": string;
                    "audio/mp4": string;
                    "audio/mpeg": string;
                    "audio/wav": string;
                    "image/jpeg": string;
                    "image/png": string;
                    "image/webp": string;
                    "text/vtt": string;
                    "video/mp4": string;
                };
            };
            /** @description The key names no plain file inside the store (`media_path_refused`), or a preview (`w`) was asked of a file that is not a readable image (`preview_unavailable`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No stored file with this key (`media_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A path or query parameter does not match the schema. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponse"];
                };
            };
            /** @description An unexpected fault (`internal_error`); the server logs the details. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description With `MEDIA_BACKEND=s3`, the bucket holding the file did not answer (`storage_unavailable`); try again in a moment. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    media_head: {
        parameters: {
            query?: {
                /** @description Serve as an attachment under this file name (a download button's link); its extension becomes the stored file's. */
                download?: string | null;
                /** @description With accounts on: the link's expiry, in seconds since 1970. */
                exp?: string | null;
                /** @description With accounts on: the link's signature. */
                sig?: string | null;
                /** @description With accounts on: the user the link was signed for. */
                uid?: string | null;
                /** @description Serve a WebP preview of this image at most this many pixels wide (made once, then stored) instead of the original: for thumbnails. Images only. */
                w?: (160 | 320 | 640 | 960) | null;
            };
            header?: never;
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file, typed by the kind we stored (never by `download`). */
            200: {
                headers: {
                    /** @description A sandbox: opened as a page, a file runs nothing. */
                    "Content-Security-Policy"?: string;
                    /** @description Always `nosniff`: the type below is the only one. */
                    "X-Content-Type-Options"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                    "application/octet-stream": string;
                    "application/x-subrip": string;
                    "audio/mp4": string;
                    "audio/mpeg": string;
                    "audio/wav": string;
                    "image/jpeg": string;
                    "image/png": string;
                    "image/webp": string;
                    "text/vtt": string;
                    "video/mp4": string;
                };
            };
            /** @description The key names no plain file inside the store (`media_path_refused`), or a preview (`w`) was asked of a file that is not a readable image (`preview_unavailable`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No stored file with this key (`media_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A path or query parameter does not match the schema. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponse"];
                };
            };
            /** @description An unexpected fault (`internal_error`); the server logs the details. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description With `MEDIA_BACKEND=s3`, the bucket holding the file did not answer (`storage_unavailable`); try again in a moment. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
}
type FlattenedDeepRequired<T> = {
    [K in keyof T]-?: FlattenedDeepRequired<T[K] extends unknown[] | undefined | null ? Extract<T[K], unknown[]>[number] : T[K]>;
};
type ReadonlyArray<T> = [
    Exclude<T, undefined>
] extends [
    unknown[]
] ? Readonly<Exclude<T, undefined>> : Readonly<Exclude<T, undefined>[]>;
export const pathsMediaKeyGetParametersQueryWAnyOf0Values: ReadonlyArray<FlattenedDeepRequired<paths>["/media/{key}"]["get"]["parameters"]["query"]["w"]> = [160, 320, 640, 960];
export const pathsMediaKeyHeadParametersQueryWAnyOf0Values: ReadonlyArray<FlattenedDeepRequired<paths>["/media/{key}"]["head"]["parameters"]["query"]["w"]> = [160, 320, 640, 960];
export const body_upload_asset_api_assets_postKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["Body_upload_asset_api_assets_post"]["kind"]> = ["product", "logo"];
export const brandFontAnyOf0Values: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["Brand"]["font"]> = ["DejaVu Sans", "DejaVu Sans Bold", "DejaVu Serif"];
export const briefRulesRequired_fieldsValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["BriefRules"]["required_fields"]> = ["product_name", "target_audience", "emotional_tone", "visual_style_keywords", "key_messages"];
export const briefSynthesisMissing_fieldsValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["BriefSynthesis"]["missing_fields"]> = ["product_name", "target_audience", "emotional_tone", "visual_style_keywords", "key_messages"];
export const cameraMoveValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["CameraMove"]> = ["push_in", "pull_out", "pan_left", "pan_right", "rise", "descend"];
export const composeRequestFormatsValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ComposeRequest"]["formats"]> = ["9:16", "1:1", "4:5", "16:9"];
export const errorCodeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ErrorCode"]> = ["internal_error", "not_found", "job_not_found", "media_not_found", "project_not_found", "media_path_refused", "preview_unavailable", "storage_full", "storage_unavailable", "database_unavailable", "invalid_request", "budget_exceeded", "too_many_streams", "queue_unavailable", "unsupported_media", "unreadable_image", "image_too_large", "unsupported_image_type", "upload_too_large", "fetch_failed", "provider_error", "provider_rate_limited", "provider_timed_out", "provider_bad_output", "provider_refused", "render_failed", "render_timed_out", "render_input_refused", "pipeline_failed", "accounts_off", "api_token_not_found", "not_signed_in", "sign_in_failed", "email_taken", "rate_limited", "clips_failed", "job_cancelled", "bad_request", "body_too_deep", "body_too_large", "method_not_allowed", "validation_error", "url_refused", "http_error"];
export const jobKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["JobKind"]> = ["clips", "compose"];
export const jobStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["JobStatus"]> = ["processing", "complete", "failed"];
export const studioConfigFormatsValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["StudioConfig"]["formats"]> = ["9:16", "1:1", "4:5", "16:9"];
export const uIMessageRoleValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["UIMessage"]["role"]> = ["system", "user", "assistant"];

/** What `GET /api/config` answers: the storyboard and script rules, the brief's required fields and the
 * ad formats, as the backend defines them (`app/storyboard_rules.py`). */
export const studioConfig: components["schemas"]["StudioConfig"] = {
  "auth_enabled": false,
  "brief": {
    "required_fields": [
      "product_name",
      "target_audience",
      "emotional_tone",
      "visual_style_keywords",
      "key_messages"
    ]
  },
  "formats": [
    "9:16",
    "1:1",
    "4:5",
    "16:9"
  ],
  "script": {
    "max_call_to_action_chars": 200,
    "max_on_screen_text_chars": 200,
    "max_voiceover_chars": 400,
    "speech_margin_seconds": 0.2,
    "word_pattern": "[\\w'’%$€£&+-]+",
    "words_per_second": 2.5
  },
  "storyboard": {
    "crossfade_seconds": 0.5,
    "fps": 30,
    "max_scene_seconds": 15,
    "max_scenes": 7,
    "min_scene_seconds": 1,
    "min_scenes": 5,
    "step_seconds": 0.5,
    "total_seconds": 30
  }
};
