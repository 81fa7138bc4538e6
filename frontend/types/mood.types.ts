/** A visual mood (backend `app/models/mood.py`). */
export interface Mood {
  mood_id: string;
  style_name: string;
  style_keywords: string[];
  reference_images: string[];
  color_palette: string[];
}

export interface MoodStyle {
  style_name: string;
  style_keywords: string[];
  color_palette: string[];
}
