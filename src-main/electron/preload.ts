// The sandboxed preload (built as CommonJS): exposes window.referent.invoke and nothing more.
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge';

contextBridge.exposeInMainWorld('referent', createBridge((channel, input) => ipcRenderer.invoke(channel, input)));
